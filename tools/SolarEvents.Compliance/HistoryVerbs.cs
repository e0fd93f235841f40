using System.Globalization;
using System.Text.Json;
using Npgsql;
using SolarEvents.Application.Compliance.Chain;
using SolarEvents.Application.Compliance.History;
using SolarEvents.Domain.Privacy;

namespace SolarEvents.Compliance;

/// <summary>
/// Compliance's history questions from the command line, answered from the event store like the API's: one event
/// per line as JSON (type, data, actor id and role, change request, correlation and causation ids, server time,
/// hash), readable by a person and by <c>jq</c>.
/// </summary>
internal static class HistoryVerbs
{
    public const string Usage = """
          history --stream <id>                          every event of a stream
          actions --employee <id> --from <time> --to <time>   everything one employee (or customer) did in [from, to)
          amendments --change-request <id>               every event made under a change request
          reads --customer <id>                          every employee read of a customer's personal data
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool Handles(string verb) => verb is "history" or "actions" or "amendments" or "reads";

    public static async Task<int> RunAsync(string verb, NpgsqlDataSource dataSource, Func<string, string> required, TextWriter output)
    {
        var rows = new EventRows(dataSource);
        var events = verb switch
        {
            "history" => rows.StreamAsync(Guid.Parse(required("stream"))),
            "actions" => rows.ByActorAsync(Guid.Parse(required("employee")), Time(required("from")), Time(required("to"))),
            "amendments" => rows.ByChangeRequestAsync(Guid.Parse(required("change-request"))),
            "reads" => rows.StreamAsync(PersonalDataAccess.StreamIdOf(Guid.Parse(required("customer")))),
            _ => throw new ArgumentException($"unknown verb '{verb}'"),
        };
        var count = 0;
        await foreach (var e in events)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(EventView.From(e), Json));
            count++;
        }

        await output.WriteLineAsync($"{count} events");
        return 0;
    }

    private static DateTimeOffset Time(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
