using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SolarEvents.Projections.Timeline;

/// <summary>One row per event of any stream: an order's timeline, a change request's trail.
/// The summary is written for people and never holds personal data.</summary>
public sealed class TimelineEntry
{
    /// <summary>The event's global sequence: unique, and the order events happened in.</summary>
    public long Sequence { get; init; }

    public Guid StreamId { get; init; }

    public long Version { get; init; }

    public required string EventName { get; init; }

    public required string Summary { get; init; }

    /// <summary>The change request the event was made under, if any: the request trail joins on it.</summary>
    public Guid? ChangeRequestId { get; init; }

    public string? ActorId { get; init; }

    public string? ActorRole { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    internal static void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.ToTable("timeline_entries");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.HasIndex(e => new { e.StreamId, e.Version });
        entry.HasIndex(e => new { e.ChangeRequestId, e.Sequence });
        entry.Property(e => e.EventName).HasMaxLength(80);
        entry.Property(e => e.Summary).HasMaxLength(TimelineWriter.MaxSummaryLength);
        entry.Property(e => e.ActorId).HasMaxLength(64);
        entry.Property(e => e.ActorRole).HasMaxLength(40);
    }
}
