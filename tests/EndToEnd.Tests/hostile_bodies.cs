using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SolarEvents.Application.Identity;

namespace SolarEvents.EndToEnd.Tests;

/// <summary>Generated bodies — wrong types, nulls, extremes, injection strings, unicode, missing and extra
/// fields — thrown at every POST endpoint: the answer is never a 5xx.</summary>
[Collection(WholeSystem.Name)]
public sealed class hostile_bodies(SolarEventsApp app)
{
    private static readonly Gen<string> Strings = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 300].Select(chars => new string(chars)),
        Gen.OneOf<string>("", " ", "' OR '1'='1' --", "\"; DROP TABLE order_summaries; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "\u0000", "\uFFFF\uD83D\uDE00", "ñ 中文 العربية", "$type"),
        Gen.Const(new string('9', 5000)));

    private static readonly Gen<JsonNode?> Scalars = Gen.OneOf(
        Gen.Const((JsonNode?)null),
        Strings.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.OneOf(0m, -1m, decimal.MaxValue, decimal.MinValue, 0.0000001m).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)));

    private static readonly Gen<string> FieldNames = Gen.OneOf(
        Gen.OneOf<string>("site", "roof", "estimatedKwp", "system", "postalCode", "city", "countryCode", "panelCount",
            "panelModel", "inverterModel", "withBattery", "customerId", "role", "status", "email", "password", "reason",
            "categories", "amount", "currency", "$type", "__proto__"),
        Strings);

    private static readonly Gen<JsonNode?> Values = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? Scalars
        : Gen.Frequency(
            (6, Scalars),
            (1, self.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (2, Gen.Select(FieldNames.Array[0, 5], self.Array[5], (names, values) => (JsonNode?)ObjectOf(names, values)))));

    private static readonly Gen<string> Bodies = Gen.OneOf(
        Values.Select(v => v?.ToJsonString() ?? "null"),
        Gen.Select(FieldNames.Array[0, 8], Values.Array[8], (names, values) => ObjectOf(names, values).ToJsonString()),
        Strings);

    [Fact]
    public async Task generated_bodies_never_get_a_5xx_from_any_post_endpoint()
    {
        var posts = app.ApiServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, "{[^}]+}", Guid.CreateVersion7().ToString()))
            .ToList();
        Assert.NotEmpty(posts);
        var roles = new[] { Roles.Customer, Roles.SupportAgent, Roles.Admin };

        await Gen.Select(Gen.Int[0, posts.Count - 1], Gen.Int[0, roles.Length - 1], Bodies).SampleAsync(async (path, role, body) =>
        {
            // A fresh caller per request: the per-user rate limit is not what this test is about.
            using var client = app.ClientFor(Guid.CreateVersion7(), roles[role]);
            using var response = await client.PostAsync(posts[path], new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode < 500,
                $"POST {posts[path]} as {roles[role]} answered {(int)response.StatusCode} to {body[..Math.Min(body.Length, 300)]}");
        }, iter: 300, threads: 1);
    }

    private static JsonObject ObjectOf(string[] names, JsonNode?[] values)
    {
        var json = new JsonObject();
        for (var i = 0; i < names.Length; i++) json[names[i]] = values[i]?.DeepClone();
        return json;
    }
}
