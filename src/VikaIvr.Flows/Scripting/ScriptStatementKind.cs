namespace VikaIvr.Flows.Scripting;

public enum ScriptStatementKind
{
    Clock,
    Call,
    ExpectPrompt,
    ExpectSay,
    ExpectTransfer,
    ExpectHangup,
    ExpectRecord,
    ExpectPlayback,
    Press,
    Wait,
    TransferFails,
    Hangup,
    Speak,
}
