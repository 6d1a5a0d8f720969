using VikaIvr.Data.CallRecords;
using VikaIvr.Server.Web.Pages.Calls;

namespace VikaIvr.Server.Tests.Web.Calls;

public class CallsFilterTests
{
    [Fact]
    public void Form_values_become_the_query_with_times_read_in_Jakarta_time()
    {
        var filter = new CallsFilter { From = "2026-11-15T10:00", To = "2026-11-15T11:30", Outcome = "status-answered", Reason = " caller-hangup ", Node = "vika-menu", Size = 20, Before = 42 };
        var query = filter.ToQuery(CallsFormat.Zone);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 3, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 4, 30, 0, TimeSpan.Zero), query.To);
        Assert.Equal("status-answered", query.Outcome);
        Assert.Equal("caller-hangup", query.EndReason);
        Assert.Equal("vika-menu", query.Node);
        Assert.Equal(20, query.PageSize);
        Assert.Equal(42, query.Before);
        Assert.Null(query.After);
    }

    [Fact]
    public void Blank_or_unreadable_values_are_left_out_and_the_page_size_is_kept_in_range()
    {
        var query = new CallsFilter { From = "yesterday", To = "", Outcome = " ", Size = 100_000, Before = 5, After = 9 }.ToQuery(CallsFormat.Zone);
        Assert.Null(query.From);
        Assert.Null(query.To);
        Assert.Null(query.Outcome);
        Assert.Equal(CallRecordQuery.MaxPageSize, query.PageSize);
        // Both cursors: the newer page wins (the store takes only one).
        Assert.Null(query.Before);
        Assert.Equal(9, query.After);
        Assert.Equal(1, new CallsFilter { Size = -3 }.ToQuery(CallsFormat.Zone).PageSize);
        Assert.Equal(CallRecordQuery.DefaultPageSize, new CallsFilter().ToQuery(CallsFormat.Zone).PageSize);
    }

    [Fact]
    public void Links_keep_the_filter_and_escape_call_ids()
    {
        var values = new CallsFilter { Outcome = "bill-answered", Node = "a&b" }.RouteValues();
        values["before"] = "7";
        Assert.Equal("/calls?outcome=bill-answered&node=a%26b&before=7", CallsFormat.Link("/calls", values));
        Assert.Equal("/calls/abc%40127.0.0.1", CallsFormat.CallLink("abc@127.0.0.1"));
        Assert.Equal("2026-11-15 10:00:00", CallsFormat.Time(new DateTimeOffset(2026, 11, 15, 3, 0, 0, TimeSpan.Zero)));
        Assert.Equal("4 m 05 s", CallsFormat.Duration(TimeSpan.FromSeconds(245)));
        Assert.Equal("12.3 s", CallsFormat.Duration(TimeSpan.FromMilliseconds(12_340)));
        Assert.Equal("41 ms", CallsFormat.Milliseconds(41));
        Assert.Equal("7.1 s", CallsFormat.Milliseconds(7_142));
        Assert.Equal("—", CallsFormat.Milliseconds(null));
    }
}
