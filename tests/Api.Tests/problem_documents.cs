using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SolarEvents.Api.Infrastructure;
using SolarEvents.Application.Messaging;
using SolarEvents.Domain.Common;

namespace SolarEvents.Api.Tests;

public sealed class problem_documents
{
    [Fact]
    public async Task an_unexpected_exception_becomes_a_500_without_message_stack_or_type_names()
    {
        var logged = new CapturingLogger();
        var failure = new InvalidOperationException("SELECT * FROM secret_table; at Npgsql.Connector");

        var (status, body) = await Handle(failure, logged);

        Assert.Same(failure, Assert.Single(logged.Exceptions)); // the detail stays in the logs

        Assert.Equal(500, status);
        Assert.Equal(ProblemTypes.Internal, body.RootElement.GetProperty("type").GetString());
        var text = body.RootElement.GetRawText();
        Assert.DoesNotContain("secret_table", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Equal("test-correlation-id", body.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task a_broken_business_rule_is_a_409_named_by_its_code()
    {
        var (status, body) = await Handle(new DomainRuleViolatedException(new DomainError("quote-expired", "The quote has expired.")));

        Assert.Equal(409, status);
        Assert.Equal("urn:solarevents:problem:rule:quote-expired", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("The quote has expired.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task an_invalid_command_is_a_400_listing_the_fields()
    {
        var errors = new Dictionary<string, string[]> { ["Site.City"] = ["'City' must not be empty."] };

        var (status, body) = await Handle(new CommandValidationException(errors));

        Assert.Equal(400, status);
        Assert.Equal(ProblemTypes.Validation, body.RootElement.GetProperty("type").GetString());
        Assert.Equal("'City' must not be empty.", body.RootElement.GetProperty("errors").GetProperty("Site.City")[0].GetString());
    }

    [Theory]
    [InlineData(typeof(CommandForbiddenException), 403, ProblemTypes.Forbidden)]
    [InlineData(typeof(CommandUnauthenticatedException), 401, ProblemTypes.Unauthenticated)]
    public async Task refusals_map_to_their_status_and_type(Type exceptionType, int expectedStatus, string expectedType)
    {
        var exception = exceptionType == typeof(CommandForbiddenException)
            ? new CommandForbiddenException("RequestQuote")
            : (Exception)new CommandUnauthenticatedException();

        var (status, body) = await Handle(exception);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedType, body.RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain("RequestQuote", body.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_lost_race_is_a_409_with_the_current_version()
    {
        var (status, body) = await Handle(new StreamVersionConflictException(Guid.CreateVersion7(), currentVersion: 7));

        Assert.Equal(409, status);
        Assert.Equal(ProblemTypes.Conflict, body.RootElement.GetProperty("type").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("currentVersion").GetInt64());
    }

    private static async Task<(int Status, JsonDocument Body)> Handle(Exception exception, ILogger<ProblemExceptionHandler>? logger = null)
    {
        var services = new ServiceCollection().AddLogging()
            .AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCustomization.Customize).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Items[CorrelationIdMiddleware.ItemKey] = "test-correlation-id";
        context.Response.Body = new MemoryStream();

        var handled = await new ProblemExceptionHandler(logger ?? NullLogger<ProblemExceptionHandler>.Instance)
            .TryHandleAsync(context, exception, CancellationToken.None);

        Assert.True(handled);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await JsonDocument.ParseAsync(context.Response.Body));
    }

    private sealed class CapturingLogger : ILogger<ProblemExceptionHandler>
    {
        public List<Exception> Exceptions { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null) Exceptions.Add(exception);
        }
    }
}
