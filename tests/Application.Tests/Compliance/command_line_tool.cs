using SolarEvents.Compliance;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class command_line_tool : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("solarevents-cli-").FullName;
    private ComplianceRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ComplianceRig.CreateAsync();

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string PrivateKey => Path.Combine(_folder, "digest-key.pem");

    private string PublicKey => Path.Combine(_folder, "digest-key.pub.pem");

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ComplianceCli.RunAsync(args, output, errors);
        return (exit, output + errors.ToString());
    }

    [Fact]
    public async Task an_export_made_by_the_tool_verifies_with_only_the_public_key_and_fails_once_modified()
    {
        var customerId = Guid.CreateVersion7();
        await _rig.OrderWithIssuedQuoteAsync(customerId);
        var file = Path.Combine(_folder, "customer.jsonl");
        Assert.Equal(0, (await RunAsync("new-key", "--private-out", PrivateKey, "--public-out", PublicKey)).Exit);
        Assert.Equal(0, (await RunAsync("digest", "--postgres", _rig.Databases.Postgres, "--private-key", PrivateKey)).Exit);
        Assert.Equal(0, (await RunAsync("export", "--postgres", _rig.Databases.Postgres, "--customer", customerId.ToString(),
            "--private-key", PrivateKey, "--out", file)).Exit);

        var verified = await RunAsync("verify-export", file, "--public-key", PublicKey);
        Assert.Equal(0, verified.Exit);
        Assert.StartsWith("OK 1 streams, 4 events; checked against the enclosed digest", verified.Output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("GridMax 6K", "GridMax 9K", StringComparison.Ordinal));
        var modified = await RunAsync("verify-export", file, "--public-key", PublicKey);
        Assert.Equal(1, modified.Exit);
        Assert.Contains("version 1: the stored hash does not match", modified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task verify_names_the_broken_stream_and_version_and_checks_the_digests()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        var vanished = await _rig.OrderWithIssuedQuoteAsync();
        await RunAsync("new-key", "--private-out", PrivateKey, "--public-out", PublicKey);
        await RunAsync("digest", "--postgres", _rig.Databases.Postgres, "--private-key", PrivateKey);
        Assert.Equal(0, (await RunAsync("verify", "--postgres", _rig.Databases.Postgres, "--public-key", PublicKey)).Exit);

        await _rig.TamperAsync("update solarevents.mt_events set data = data || '{\"EstimatedKwp\": 99}' where stream_id = $1 and version = 1", orderId);
        await _rig.TamperAsync("delete from solarevents.mt_events where stream_id = $1", vanished);
        await _rig.TamperAsync("delete from solarevents.mt_streams where id = $1", vanished);
        var (exit, output) = await RunAsync("verify", "--postgres", _rig.Databases.Postgres, "--public-key", PublicKey);

        Assert.Equal(1, exit);
        Assert.Contains($"BROKEN stream {orderId} version 1:", output, StringComparison.Ordinal);
        Assert.Contains($"stream {vanished} version 4: the stream is missing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task history_actions_and_reads_print_one_event_per_line_with_its_metadata()
    {
        var customerId = Guid.CreateVersion7();
        var orderId = await _rig.OrderWithIssuedQuoteAsync(customerId);
        var agentId = Guid.CreateVersion7();
        await using (var session = _rig.Store.LightweightSession())
        {
            session.LastModifiedBy = agentId.ToString();
            session.Events.Append(PersonalDataAccess.StreamIdOf(customerId),
                new PersonalDataViewed(customerId, agentId, "SupportAgent", ["phone"], "account view", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var history = await RunAsync("history", "--postgres", _rig.Databases.Postgres, "--stream", orderId.ToString());
        var reads = await RunAsync("reads", "--postgres", _rig.Databases.Postgres, "--customer", customerId.ToString());
        var actions = await RunAsync("actions", "--postgres", _rig.Databases.Postgres, "--employee", agentId.ToString(),
            "--from", DateTimeOffset.UtcNow.AddHours(-1).ToString("O"), "--to", DateTimeOffset.UtcNow.AddHours(1).ToString("O"));

        Assert.Equal(0, history.Exit);
        Assert.EndsWith("4 events", history.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("\"type\":\"order.quote_requested.v1\"", history.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 events", reads.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains($"\"actorId\":\"{agentId}\"", reads.Output, StringComparison.Ordinal);
        Assert.Contains("\"Purpose\":\"account view\"", reads.Output, StringComparison.Ordinal);
        Assert.Equal(reads.Output, actions.Output);
        Assert.Equal(2, (await RunAsync("actions", "--postgres", _rig.Databases.Postgres, "--employee", agentId.ToString(), "--from", "soon", "--to", "later")).Exit);
    }

    [Fact]
    public async Task a_usage_error_exits_with_2()
    {
        Assert.Equal(2, (await RunAsync()).Exit);
        Assert.Equal(2, (await RunAsync("verify-export")).Exit);
        Assert.Equal(2, (await RunAsync("export", "--stream")).Exit);
    }
}
