using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Tests.Ports;

/// <summary>The record's times are kept compactly: each reads back as set (instant and offset), an unset one as null.</summary>
public sealed class CallRecordTests
{
    [Fact]
    public void Times_read_back_as_set()
    {
        var started = new DateTimeOffset(2026, 11, 15, 10, 0, 0, 123, TimeSpan.FromHours(7)).AddTicks(4567);
        var answered = new DateTimeOffset(2026, 11, 15, 3, 0, 1, TimeSpan.Zero);
        var ended = new DateTimeOffset(2026, 11, 14, 23, 30, 0, TimeSpan.FromMinutes(-570));
        var record = new CallRecord { CallId = "c", Caller = "a", Called = "b", StartedAt = started };

        Assert.Null(record.AnsweredAt);
        Assert.Null(record.EndedAt);
        record.AnsweredAt = answered;
        record.EndedAt = ended;

        AssertSame(started, record.StartedAt);
        AssertSame(answered, record.AnsweredAt!.Value);
        AssertSame(ended, record.EndedAt!.Value);
        record.AnsweredAt = null;
        Assert.Null(record.AnsweredAt);
    }

    [Fact]
    public void The_extremes_and_the_default_read_back()
    {
        var record = new CallRecord { CallId = "c", Caller = "a", Called = "b" };
        Assert.Equal(default, record.StartedAt);
        Assert.Equal(TimeSpan.Zero, record.StartedAt.Offset);

        record.StartedAt = DateTimeOffset.MaxValue;
        record.AnsweredAt = DateTimeOffset.MinValue;
        record.EndedAt = default(DateTimeOffset);
        AssertSame(DateTimeOffset.MaxValue, record.StartedAt);
        AssertSame(DateTimeOffset.MinValue, record.AnsweredAt!.Value);
        AssertSame(default, record.EndedAt!.Value);
    }

    [Fact]
    public void Reading_the_lists_as_they_are_makes_none()
    {
        var record = new CallRecord { CallId = "c", Caller = "a", Called = "b" };
        Assert.Null(record.DtmfMethodsIfAny);
        Assert.Null(record.NodesIfAny);
        Assert.Null(record.NodeTimesMsIfAny);
        Assert.Null(record.EventsIfAny);
        Assert.Null(record.FailuresIfAny);

        record.Nodes.Add("welcome");
        Assert.Equal(["welcome"], record.NodesIfAny!);
        Assert.Null(record.EventsIfAny);
    }

    private static void AssertSame(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcTicks, actual.UtcTicks);
        Assert.Equal(expected.Offset, actual.Offset);
    }
}
