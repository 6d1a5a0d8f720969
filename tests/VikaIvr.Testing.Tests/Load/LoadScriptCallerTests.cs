using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;
using VikaIvr.Testing.Load;

namespace VikaIvr.Testing.Tests.Load;

/// <summary>The load tester's scripted caller: what it reports to the one interpreter, and what the interpreter counts.</summary>
public sealed class LoadScriptCallerTests
{
    private static readonly string[] Ids = ["welcome", "main-menu", "transfer", "goodbye"];

    [Fact]
    public async Task Prompts_bye_and_refer_are_checked_in_order_and_speech_is_counted_as_not_checkable()
    {
        var script = Parse("""
            call 165 from 0811
            expect prompt welcome
            expect prompt main-menu
            press 1
            expect say "Budi Santoso"
            transfer-fails
            press 0
            expect prompt transfer
            expect transfer sip:agent@localhost
            expect record
            expect hangup
            """);
        await using var caller = new LoadScriptCaller(Options(script));
        using var call = new FakeCallControl();
        call.OnKeys = keys =>
        {
            if (keys != "0") return;
            caller.Heard(2);
            call.Refer("sip:agent@localhost");
            Assert.Equal(503, caller.TransferOutcome());   // `transfer-fails` answers the REFER with a failure
            call.End("remote-bye");
        };
        caller.Attach(call);
        caller.Heard(0);
        caller.Heard(1);

        var result = await ScriptInterpreter.RunAsync(script, caller, CancellationToken.None);

        Assert.True(result.Passed, result.Format());
        Assert.Equal((5, 2), (result.Checked, result.Unchecked));
        Assert.Equal(["1", "0"], call.Keys);
        Assert.Empty(result.Transcript);
    }

    [Fact]
    public async Task Another_prompt_fails_the_line_with_what_was_heard_the_same_on_every_call()
    {
        var script = Parse("call 165 from 0811\nexpect prompt welcome\nexpect prompt goodbye\npress 1\n");
        await using var caller = new LoadScriptCaller(Options(script));
        using var call = new FakeCallControl();
        caller.Attach(call);
        caller.Heard(0);
        caller.Heard(1);

        var result = await ScriptInterpreter.RunAsync(script, caller, CancellationToken.None);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(3, failure.Line);
        Assert.Equal("prompt main-menu", failure.Got?.Describe());
        Assert.Equal(2, result.Checked);
        Assert.Empty(call.Keys);   // the script stops at its first failure
        Assert.Equal("line 3: expect prompt goodbye — got prompt main-menu", LoadCall.Describe(script, failure));
    }

    [Fact]
    public async Task Expect_hangup_fails_on_a_prompt_heard_before_the_bye_and_on_our_own_hangup()
    {
        var script = Parse("call 165 from 0811\nexpect hangup\n");
        await using (var caller = new LoadScriptCaller(Options(script)))
        {
            using var call = new FakeCallControl();
            caller.Attach(call);
            caller.Heard(3);
            call.End("remote-bye");
            var failure = Assert.Single((await ScriptInterpreter.RunAsync(script, caller, CancellationToken.None)).Failures);
            Assert.Equal("line 2: expect hangup — got prompt goodbye", LoadCall.Describe(script, failure));
        }

        await using (var caller = new LoadScriptCaller(Options(script)))
        {
            using var call = new FakeCallControl();
            caller.Attach(call);
            call.End("local-bye");
            var failure = Assert.Single((await ScriptInterpreter.RunAsync(script, caller, CancellationToken.None)).Failures);
            Assert.Equal("the call ended otherwise (local-bye)", failure.Actual);
            Assert.Null(failure.Got);
        }
    }

    [Fact]
    public async Task Nothing_more_heard_after_the_call_ended_and_keys_after_it_fail_with_why()
    {
        var script = Parse("call 165 from 0811\nexpect prompt welcome\n");
        await using (var caller = new LoadScriptCaller(Options(script)))
        {
            using var call = new FakeCallControl();
            caller.Attach(call);
            call.End("remote-bye");
            var failure = Assert.Single((await ScriptInterpreter.RunAsync(script, caller, CancellationToken.None)).Failures);
            Assert.Equal("line 2: expect prompt welcome — the call had ended (remote-bye) with no more prompts heard", LoadCall.Describe(script, failure));
        }

        script = Parse("call 165 from 0811\npress 1\n");
        await using (var caller = new LoadScriptCaller(Options(script)))
        {
            using var call = new FakeCallControl();
            caller.Attach(call);
            call.End("remote-bye");
            var failure = Assert.Single((await ScriptInterpreter.RunAsync(script, caller, CancellationToken.None)).Failures);
            Assert.Equal("line 2: press 1 — the call had ended (remote-bye)", LoadCall.Describe(script, failure));
            Assert.Empty(call.Keys);
        }
    }

    [Fact]
    public async Task A_prompt_or_refer_not_in_the_script_fails_it_at_the_end()
    {
        var script = Parse("call 165 from 0811\nexpect prompt welcome\n");
        await using var caller = new LoadScriptCaller(Options(script));
        using var call = new FakeCallControl();
        caller.Attach(call);
        caller.Heard(0);
        caller.Heard(3);
        call.Refer("sip:agent@localhost");
        caller.TransferOutcome();

        var failure = Assert.Single((await ScriptInterpreter.RunAsync(script, caller, CancellationToken.None)).Failures);

        Assert.Equal("the call went on: prompt goodbye, transfer sip:agent@localhost", failure.Actual);
    }

    [Fact]
    public async Task Hearing_a_prompt_allocates_nothing_and_keeps_at_most_sixteen_unread()
    {
        var script = Parse("call 165 from 0811\nexpect prompt welcome\n");
        await using var caller = new LoadScriptCaller(Options(script));
        caller.Heard(0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < 40; i++) caller.Heard(i % Ids.Length);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(16, caller.HeardSoFar().Count);
        Assert.Equal("welcome", (await caller.NextOutputAsync(ScriptStatementKind.ExpectPrompt, CancellationToken.None))?.Value);
        Assert.True(caller.CanCheck(ScriptStatementKind.ExpectTransfer));
        Assert.False(caller.CanCheck(ScriptStatementKind.ExpectSay));
        Assert.False(caller.CanCheck(ScriptStatementKind.ExpectRecord));
        Assert.False(caller.CanCheck(ScriptStatementKind.ExpectPlayback));
    }

    private static CallScript Parse(string text) => ScriptParser.Parse(text, "t.vks");

    private static LoadOptions Options(CallScript script)
    {
        var clips = Ids.Select((id, i) => TestPrompts.Noise(id, silentSamples: 0, seed: 10 + i)).ToList();
        return new LoadOptions { Target = "sip:165@127.0.0.1", Script = script, Prompts = new PromptFingerprints(clips, RtpAudioCodec.Pcmu) };
    }
}
