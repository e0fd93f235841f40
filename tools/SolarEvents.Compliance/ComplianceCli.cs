using System.Security.Cryptography;
using Npgsql;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.Database;
using SolarEvents.Application.Compliance.Digests;
using SolarEvents.Application.Compliance.Export;

namespace SolarEvents.Compliance;

/// <summary>
/// <c>solarevents-compliance &lt;verb&gt; [--option value ...]</c>. Exit codes: 0 verified / done, 1 verification
/// failed, 2 usage error. The connection string comes from <c>--postgres</c> or ConnectionStrings__Postgres; keys
/// are PEM files, the private one only for the verbs that sign.
/// </summary>
public static class ComplianceCli
{
    public static readonly string Usage = """
        usage: solarevents-compliance <verb> [options]
        """ + "\n" + HistoryVerbs.Usage + "\n" + """
          verify-export <file> --public-key <pem>        check an export offline: signature, chains, digest
          verify [--public-key <pem>]                    walk every chain; with the key, check every stored digest too
          digest --private-key <pem>                     sign and store a digest of all stream heads now
          export (--stream <id> | --customer <id>) --private-key <pem> --out <file>
          install-guards                                 hash-chain trigger, append-only triggers, digest table (as owner)
          apply-roles [--owner <role>] [--app <role>]    owner and app roles with their grants (as superuser)
          new-key --private-out <pem> --public-out <pem> make an ECDSA P-256 signing key pair
          options taking the database: --postgres <connection string> (default: ConnectionStrings__Postgres)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0) return Fail(errors, Usage);
        try
        {
            if (args[0] == "verify-export")
            {
                return args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal)
                    ? VerifyExport(args[1], Options(args.Skip(2)), output)
                    : Fail(errors, Usage);
            }

            var options = Options(args.Skip(1));
            if (HistoryVerbs.Handles(args[0]))
            {
                await using var dataSource = DataSource(options);
                return await HistoryVerbs.RunAsync(args[0], dataSource, name => Required(options, name), output);
            }

            return args[0] switch
            {
                "verify" => await VerifyAsync(options, output),
                "digest" => await DigestAsync(options, output),
                "export" => await ExportAsync(options, output),
                "install-guards" => await WithDatabaseAsync(options, output, ds => EventStoreGuards.InstallAsync(ds), "guards installed"),
                "apply-roles" => await WithDatabaseAsync(options, output, ds => EventStoreRoles.ApplyAsync(ds,
                    options.GetValueOrDefault("owner", EventStoreRoles.DefaultOwner), options.GetValueOrDefault("app", EventStoreRoles.DefaultApp)), "roles applied"),
                "new-key" => NewKey(options, output),
                _ => Fail(errors, Usage),
            };
        }
        catch (Exception e) when (e is UsageException or IOException or CryptographicException or NpgsqlException or ArgumentException or FormatException)
        {
            return Fail(errors, e.Message);
        }
    }

    private static int VerifyExport(string file, Dictionary<string, string> options, TextWriter output)
    {
        using var publicKey = Key(options, "public-key");
        var report = ExportVerifier.Verify(File.ReadAllBytes(file), publicKey);
        foreach (var problem in report.Problems) output.WriteLine("BROKEN " + problem);
        output.WriteLine(report.IsValid
            ? $"OK {report.Streams} streams, {report.Events} events; {(report.DigestCovered ? "checked against the enclosed digest" : "no digest enclosed")}"
            : $"FAILED {report.Problems.Count} problems");
        return report.IsValid ? 0 : 1;
    }

    private static async Task<int> VerifyAsync(Dictionary<string, string> options, TextWriter output)
    {
        await using var dataSource = DataSource(options);
        var report = await new StoreVerification(new EventRows(dataSource)).VerifyAsync();
        foreach (var b in report.Breaks) output.WriteLine($"BROKEN stream {b.StreamId} version {b.Version}: {b.Problem}");
        var digestProblems = 0;
        if (options.ContainsKey("public-key"))
        {
            using var publicKey = Key(options, "public-key");
            var digests = new DigestStore(dataSource, TimeProvider.System);
            foreach (var stored in await digests.AllAsync())
            {
                foreach (var b in await digests.CheckAsync(stored.Digest, publicKey))
                {
                    digestProblems++;
                    output.WriteLine($"BROKEN digest {stored.Id}: stream {b.StreamId} version {b.Version}: {b.Problem}");
                }
            }
        }

        var ok = report.IsIntact && digestProblems == 0;
        output.WriteLine($"{(ok ? "OK" : "FAILED")} {report.Streams} streams, {report.Events} events");
        return ok ? 0 : 1;
    }

    private static async Task<int> DigestAsync(Dictionary<string, string> options, TextWriter output)
    {
        await using var dataSource = DataSource(options);
        using var privateKey = Key(options, "private-key");
        var stored = await new DigestStore(dataSource, TimeProvider.System).CreateAsync(privateKey);
        output.WriteLine($"digest {stored.Id}: {stored.Digest.Statement.Streams} streams, root {stored.Digest.Statement.Root}");
        return 0;
    }

    private static async Task<int> ExportAsync(Dictionary<string, string> options, TextWriter output)
    {
        await using var dataSource = DataSource(options);
        using var privateKey = Key(options, "private-key");
        var file = Required(options, "out");
        var exporter = new HistoryExporter(dataSource, new EventRows(dataSource), new DigestStore(dataSource, TimeProvider.System), TimeProvider.System);
        await using (var stream = File.Create(file))
        {
            if (options.TryGetValue("stream", out var streamId)) await exporter.WriteStreamAsync(stream, Guid.Parse(streamId), privateKey);
            else await exporter.WriteCustomerAsync(stream, Guid.Parse(Required(options, "customer")), privateKey);
        }

        output.WriteLine($"exported to {file}");
        return 0;
    }

    private static async Task<int> WithDatabaseAsync(
        Dictionary<string, string> options, TextWriter output, Func<NpgsqlDataSource, Task> action, string done)
    {
        await using var dataSource = DataSource(options);
        await action(dataSource);
        output.WriteLine(done);
        return 0;
    }

    private static int NewKey(Dictionary<string, string> options, TextWriter output)
    {
        using var key = DigestKeys.NewKey();
        var privateFile = Required(options, "private-out");
        File.WriteAllText(privateFile, DigestKeys.PrivateKeyPem(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(privateFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Required(options, "public-out"), DigestKeys.PublicKeyPem(key));
        output.WriteLine($"key {DigestKeys.KeyId(key)}");
        return 0;
    }

    private static NpgsqlDataSource DataSource(Dictionary<string, string> options) =>
        NpgsqlDataSource.Create(options.GetValueOrDefault("postgres")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? throw new UsageException("no database: pass --postgres or set ConnectionStrings__Postgres"));

    private static ECDsa Key(Dictionary<string, string> options, string name) => DigestKeys.FromPem(File.ReadAllText(Required(options, name)));

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required\n{Usage}");

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            var name = items.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !items.MoveNext()) throw new UsageException($"unexpected '{name}'\n{Usage}");
            options[name[2..]] = items.Current;
        }

        return options;
    }

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine(message);
        return 2;
    }

    private sealed class UsageException(string message) : Exception(message);
}
