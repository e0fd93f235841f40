using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SolarEvents.Projections.ReadModels;

/// <summary>Lets `dotnet ef migrations add` build the model without a database or a host.</summary>
public sealed class DesignTimeReadModelDbContextFactory : IDesignTimeDbContextFactory<ReadModelDbContext>
{
    public ReadModelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReadModelDbContext>()
            .UseMySql("Server=127.0.0.1;Database=design_time", ServerVersion.Parse(ReadModelServerVersion.Default))
            .Options);
}
