using JasperFx.Events;

namespace SolarEvents.Projections.ReadModels;

/// <summary>Turns one event into read-model changes on the given context; the caller saves and commits.</summary>
public interface IReadModelWriter
{
    Task ApplyAsync(ReadModelDbContext db, IEvent stored, CancellationToken cancellation);
}

public static class ReadModelWriters
{
    /// <summary>Every writer, in the order they see each event.</summary>
    public static IReadOnlyList<IReadModelWriter> All { get; } =
    [
        new Orders.OrderSummaryWriter(),
        new Accounts.AccountViewWriter(),
        new ChangeRequests.ChangeRequestViewWriter(),
        new Timeline.TimelineWriter(),
    ];

    public static async Task ApplyAsync(ReadModelDbContext db, IEvent stored, CancellationToken cancellation)
    {
        foreach (var writer in All) await writer.ApplyAsync(db, stored, cancellation);
    }
}
