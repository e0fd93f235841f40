using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using SolarEvents.Application.EventStore;

namespace SolarEvents.Api.Tests;

/// <summary>Production hosts change no schema unless told to (the schema step does it at deployment); elsewhere they
/// do, so a developer's first run on an empty database works. An explicit setting always wins.</summary>
public sealed class schema_on_startup_defaults
{
    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Development", null, true)]
    [InlineData("Testing", null, true)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void schema_changes_at_startup_are_off_in_production_unless_set(string environment, string? setting, bool applies)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SchemaOnStartup.Setting] = setting }).Build();

        Assert.Equal(applies, SchemaOnStartup.IsEnabled(configuration, new HostingEnvironment { EnvironmentName = environment }));
    }
}
