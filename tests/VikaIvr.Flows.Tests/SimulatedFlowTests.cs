using VikaIvr.Flows.Tests.Fakes;

namespace VikaIvr.Flows.Tests;

public sealed class SimulatedFlowTests
{
    private const string Head = """
        clock 2026-11-23T10:00:00+07:00
        call 165 from 081234567890
        expect prompt welcome
        expect prompt main-menu
        """;

    private static async Task<Scripting.ScriptResult> Run(Harness h, string body)
    {
        var result = await h.RunAsync(Head + "\n" + body);
        Assert.True(result.Passed, result.Format());
        return result;
    }

    [Fact]
    public async Task Status_path_answers_and_says_goodbye()
    {
        var r = await Run(new Harness(), """
            press 1
            expect prompt vika-menu
            press 1
            expect prompt enter-id
            press 3171011708850001#
            expect prompt enter-dob
            press 17081985
            expect say "atas nama Budi Santoso" "kelas tiga"
            expect prompt after-result
            press 9
            expect prompt goodbye
            expect hangup
            """);
        Assert.Equal("status-answered", r.Record!.Outcome);
        Assert.Equal(["welcome", "main-menu", "vika-menu", "choose-status", "enter-id", "enter-dob", "verify",
            "choose-answer", "load-status", "status-answer", "after-result", "goodbye", "end"], r.Record.Nodes);
        Assert.Contains(r.Record.Events, e => e.Contains("'3171********0001'", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Record.Events, e => e.Contains("3171011708850001", StringComparison.Ordinal) || e.Contains("17081985", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_node_visited_carries_the_time_it_was_entered_since_the_answer()
    {
        var r = await Run(new Harness(), """
            press 1
            expect prompt vika-menu
            hangup
            """);
        var record = r.Record!;
        Assert.Equal(record.Nodes.Count, record.NodeTimesMs.Count);
        Assert.Equal(0, record.NodeTimesMs[0]);
        for (int i = 1; i < record.NodeTimesMs.Count; i++) Assert.True(record.NodeTimesMs[i] >= record.NodeTimesMs[i - 1], string.Join(",", record.NodeTimesMs));
        // The welcome prompt plays whole before the main menu is entered (the fakes' prompts last 2 s).
        Assert.True(record.NodeTimesMs[record.Nodes.IndexOf("main-menu")] >= 2_000, string.Join(",", record.NodeTimesMs));
    }

    [Fact]
    public async Task No_input_three_times_says_goodbye_on_virtual_time()
    {
        var r = await Run(new Harness(), """
            wait 6s
            expect prompt no-input
            expect prompt main-menu
            expect prompt no-input
            expect prompt main-menu
            expect prompt no-input
            expect prompt goodbye
            expect hangup
            """);
        // welcome 2 + 3 × (menu 2 + 5 s timeout + no-input 2) + goodbye 2 = 31 s of virtual time.
        Assert.Equal(31, r.Duration.TotalSeconds, 3);
        Assert.Equal("too-many-failures", r.Record!.Outcome);
    }

    [Fact]
    public async Task Invalid_choice_three_times_says_goodbye()
    {
        await Run(new Harness(), """
            press 7
            expect prompt invalid-choice
            expect prompt main-menu
            press 8
            expect prompt invalid-choice
            expect prompt main-menu
            press 5
            expect prompt invalid-choice
            expect prompt goodbye
            expect hangup
            """);
    }

    [Fact]
    public async Task A_valid_choice_resets_the_failure_count()
    {
        await Run(new Harness(), """
            press 7
            expect prompt invalid-choice
            expect prompt main-menu
            press 7
            expect prompt invalid-choice
            expect prompt main-menu
            press 1
            expect prompt vika-menu
            press 7
            expect prompt invalid-choice
            expect prompt vika-menu
            press *
            expect prompt main-menu
            hangup
            """);
    }

    [Fact]
    public async Task Barge_in_cuts_the_prompt_and_the_key_counts()
    {
        var r = await Run(new Harness(), """
            wait 500ms
            press 2
            expect prompt info-menu
            hangup
            """);
        Assert.Contains(r.Transcript, l => l.Contains("prompt main-menu (2.00 s, cut by a key after 0.50 s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Type_ahead_keys_answer_the_next_menu()
    {
        var r = await Run(new Harness(), """
            press 11
            expect prompt vika-menu
            expect prompt enter-id
            hangup
            """);
        Assert.Contains(r.Record!.Nodes, n => n == "choose-status");
    }

    [Fact]
    public async Task A_hash_after_a_complete_entry_is_absorbed()
    {
        var r = await Run(new Harness(), """
            press 11
            expect prompt vika-menu
            expect prompt enter-id
            press 3171011708850001#
            expect prompt enter-dob
            wait 3s
            press 17081985#
            expect say "budi santoso"
            expect prompt after-result
            wait 3s
            press 9
            expect prompt goodbye
            expect hangup
            """);
        Assert.DoesNotContain(r.Record!.Events, e => e.Contains("invalid", StringComparison.Ordinal));
        Assert.Contains(r.Transcript, l => l.Contains("prompt enter-dob (2.00 s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Three_failed_verifications_play_too_many_attempts()
    {
        var r = await Run(new Harness(), """
            press 12
            expect prompt vika-menu
            expect prompt enter-id
            press 3171011708850001
            expect prompt enter-dob
            press 01011990
            expect prompt not-verified
            expect prompt enter-id
            press 3171011708850001
            expect prompt enter-dob
            press 01011990
            expect prompt not-verified
            expect prompt enter-id
            press 3171011708850001
            expect prompt enter-dob
            press 01011990
            expect prompt too-many-attempts
            expect prompt goodbye
            expect hangup
            """);
        Assert.Equal("too-many-attempts", r.Record!.Outcome);
    }

    [Fact]
    public async Task Invalid_id_retries_then_goodbye()
    {
        await Run(new Harness(), """
            press 11
            expect prompt vika-menu
            expect prompt enter-id
            press 12345#
            expect prompt invalid-id
            expect prompt enter-id
            wait 11s
            expect prompt no-input
            expect prompt enter-id
            press 999#
            expect prompt invalid-id
            expect prompt goodbye
            expect hangup
            """);
    }

    [Fact]
    public async Task A_failing_action_plays_system_busy_and_returns_to_the_menu()
    {
        var h = new Harness { DataFails = true };
        var r = await Run(h, """
            press 11
            expect prompt vika-menu
            expect prompt enter-id
            press 3171011708850001
            expect prompt enter-dob
            press 17081985
            expect prompt system-busy
            expect prompt vika-menu
            hangup
            """);
        Assert.Single(r.Record!.Failures);
        Assert.Contains("database is locked", r.Record.Failures[0], StringComparison.Ordinal);
        Assert.DoesNotContain("3171011708850001", r.Record.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_speech_failure_plays_system_busy_and_returns_to_the_menu()
    {
        var h = new Harness();
        h.Speech.Fail = true;
        var r = await Run(h, """
            press 12
            expect prompt vika-menu
            expect prompt enter-id
            press 3171011708850001
            expect prompt enter-dob
            press 17081985
            expect prompt system-busy
            expect prompt vika-menu
            hangup
            """);
        Assert.Contains("speech failed", r.Record!.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_succeeds_to_the_configured_agent()
    {
        var r = await Run(new Harness(), """
            press 0
            expect prompt transfer
            expect transfer sip:agent@localhost
            """);
        Assert.Equal("transferred", r.Record!.Outcome);
    }

    [Fact]
    public async Task After_an_accepted_transfer_the_server_leg_ends_with_a_hangup()
    {
        var r = await Run(new Harness(), """
            press 0
            expect prompt transfer
            expect transfer sip:agent@localhost
            expect hangup
            """);
        Assert.Equal("transferred", r.Record!.Outcome);
        Assert.Equal("transfer", r.Record.EndReason);
        Assert.Equal("server", r.Record.EndedBy);
        int transfer = r.Transcript.ToList().FindIndex(l => l.Contains("transfer sip:agent@localhost (accepted)", StringComparison.Ordinal));
        Assert.True(transfer > 0 && r.Transcript[transfer + 1].EndsWith("] hangup", StringComparison.Ordinal), r.Format());
    }

    [Fact]
    public async Task A_failed_transfer_does_not_end_the_call()
    {
        var r = await new Harness().RunAsync(Head + """

            transfer-fails
            press 0
            expect prompt transfer
            expect transfer
            expect hangup
            """);
        var failure = Assert.Single(r.Failures);
        Assert.Equal(9, failure.Line);
        Assert.Contains("prompt agents-busy", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_said_after_the_last_statement_still_fails_the_script()
    {
        var r = await new Harness().RunAsync(Head + """

            press 0
            """);
        var failure = Assert.Single(r.Failures);
        Assert.Equal("nothing more after the last statement", failure.Expected);
        Assert.Contains("prompt transfer, transfer sip:agent@localhost", failure.Actual, StringComparison.Ordinal);
        Assert.DoesNotContain("hangup", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_transfer_plays_agents_busy_then_the_main_menu()
    {
        await Run(new Harness(), """
            transfer-fails
            press 0
            expect prompt transfer
            expect transfer
            expect prompt agents-busy
            expect prompt main-menu
            hangup
            """);
    }

    [Fact]
    public async Task No_agent_uri_plays_agents_busy()
    {
        var h = new Harness();
        h.Overrides["agent_uri"] = "";
        await Run(h, """
            press 0
            expect prompt transfer
            expect prompt agents-busy
            expect prompt main-menu
            hangup
            """);
    }

    [Fact]
    public async Task A_caller_hangup_ends_the_run_cleanly()
    {
        var r = await Run(new Harness(), "hangup");
        Assert.Equal("caller-hangup", r.Record!.Outcome);
        Assert.Equal("caller-hangup", r.Record.EndReason);
    }
}
