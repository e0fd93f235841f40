using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SolarEvents.Application.Compliance.Digests;
using SolarEvents.Application.Compliance.Export;
using SolarEvents.Domain.ChangeRequests;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Application.Tests.Compliance;

public sealed class exports_verify_offline : IAsyncLifetime
{
    private readonly ECDsa _key = DigestKeys.NewKey();
    private ComplianceRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ComplianceRig.CreateAsync();

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        _key.Dispose();
    }

    private DigestStore Digests => new(_rig.DataSource, TimeProvider.System);

    private HistoryExporter Exporter => new(_rig.DataSource, _rig.Rows, Digests, TimeProvider.System);

    /// <summary>Verification gets only the public key, imported from its PEM, as the command-line tool does.</summary>
    private ExportReport VerifyOffline(byte[] export)
    {
        using var publicKey = DigestKeys.FromPem(DigestKeys.PublicKeyPem(_key));
        return ExportVerifier.Verify(export, publicKey);
    }

    private async Task<byte[]> ExportCustomerAsync(Guid customerId)
    {
        using var output = new MemoryStream();
        await Exporter.WriteCustomerAsync(output, customerId, _key);
        return output.ToArray();
    }

    [Fact]
    public async Task a_customers_export_holds_their_orders_and_verifies_against_the_digest()
    {
        var customerId = Guid.CreateVersion7();
        var first = await _rig.OrderWithIssuedQuoteAsync(customerId);
        var second = await _rig.OrderWithIssuedQuoteAsync(customerId);
        var someoneElses = await _rig.OrderWithIssuedQuoteAsync();
        await Digests.CreateAsync(_key);

        var export = await ExportCustomerAsync(customerId);
        var report = VerifyOffline(export);

        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.True(report.DigestCovered);
        Assert.Equal((2, 8L), (report.Streams, report.Events));
        var lines = Encoding.UTF8.GetString(export).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 8 + 1 + 1, lines.Length);
        var listed = JsonDocument.Parse(lines[0]).RootElement.GetProperty("streams").EnumerateArray().Select(s => s.GetGuid());
        Assert.Equal(new[] { first, second }.Order(), listed.Order());
        Assert.DoesNotContain(someoneElses.ToString(), Encoding.UTF8.GetString(export), StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(lines[^2]).RootElement.GetProperty("proofs").GetArrayLength());
        Assert.Equal("Berlin", JsonDocument.Parse(lines[1]).RootElement.GetProperty("data").GetProperty("Site").GetProperty("City").GetString());
    }

    [Fact]
    public async Task a_customers_export_includes_change_requests_opened_on_their_orders_and_reads_of_their_data()
    {
        var customerId = Guid.CreateVersion7();
        var orderId = await _rig.OrderWithIssuedQuoteAsync(customerId);
        var requestId = Guid.CreateVersion7();
        var unrelated = Guid.CreateVersion7();
        await using (var session = _rig.Store.LightweightSession())
        {
            var now = DateTimeOffset.UtcNow;
            session.Events.StartStream<ChangeRequest>(requestId, new ChangeRequestOpened(
                requestId, Guid.CreateVersion7(), orderId, [ChangeCategory.PriceReduction], "complaint", "ticket 1", now, now.AddDays(2)));
            session.Events.StartStream<ChangeRequest>(unrelated, new ChangeRequestOpened(
                unrelated, Guid.CreateVersion7(), Guid.CreateVersion7(), [ChangeCategory.Reschedule], "other", "ticket 2", now, now.AddDays(2)));
            session.Events.Append(PersonalDataAccess.StreamIdOf(customerId),
                new PersonalDataViewed(customerId, Guid.CreateVersion7(), "SupportAgent", ["phone"], "account view", now));
            await session.SaveChangesAsync();
        }

        var streams = await Exporter.CustomerStreamsAsync(customerId);

        Assert.Equal(new[] { orderId, requestId, PersonalDataAccess.StreamIdOf(customerId) }.Order(), streams.Order());
        Assert.True(VerifyOffline(await ExportCustomerAsync(customerId)).IsValid);
    }

    [Fact]
    public async Task an_export_without_a_digest_still_verifies_its_chains_and_signature()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        using var output = new MemoryStream();
        await Exporter.WriteStreamAsync(output, orderId, _key);

        var report = VerifyOffline(output.ToArray());

        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.False(report.DigestCovered);
    }

    [Theory]
    [InlineData("7000", "7001")]
    [InlineData("\"Sales\"", "\"Admin\"")]
    public async Task changing_one_value_in_an_export_fails_verification(string from, string to)
    {
        var customerId = Guid.CreateVersion7();
        await _rig.OrderWithIssuedQuoteAsync(customerId);
        await Digests.CreateAsync(_key);
        var text = Encoding.UTF8.GetString(await ExportCustomerAsync(customerId));
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at > 0);

        var report = VerifyOffline(Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length))));

        Assert.False(report.IsValid);
        Assert.Contains(report.Problems, p => p.Contains("signature is not valid", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task dropping_an_event_line_fails_verification_and_names_the_version()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        await Digests.CreateAsync(_key);
        using var output = new MemoryStream();
        await Exporter.WriteStreamAsync(output, orderId, _key);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.RemoveAt(2);

        var report = VerifyOffline(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

        Assert.Contains(report.Problems, p => p.Contains($"stream {orderId} version 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_export_checked_with_another_public_key_fails()
    {
        var orderId = await _rig.OrderWithIssuedQuoteAsync();
        await Digests.CreateAsync(_key);
        using var output = new MemoryStream();
        await Exporter.WriteStreamAsync(output, orderId, _key);
        using var stranger = DigestKeys.NewKey();

        var report = ExportVerifier.Verify(output.ToArray(), stranger);

        Assert.False(report.IsValid);
        Assert.Contains(report.Problems, p => p.StartsWith("digest:", StringComparison.Ordinal));
    }
}
