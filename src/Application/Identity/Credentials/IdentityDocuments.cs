using SolarEvents.Application.Identity.Sessions;

namespace SolarEvents.Application.Identity.Credentials;

/// <summary>How identity documents are stored in PostgreSQL (called from EventStoreConfiguration).</summary>
public static class IdentityDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Credential>()
            .UniqueIndex(c => c.LoginIndex)
            .UseOptimisticConcurrency(true)
            .Metadata(m => m.Version.MapTo(c => c.Version));
        options.Schema.For<RefreshToken>()
            .Index(t => t.FamilyId)
            .Index(t => t.UserId)
            .UseOptimisticConcurrency(true)
            .Metadata(m => m.Version.MapTo(t => t.Version));
    }
}
