namespace VikaIvr.Flows.Scripting;

public enum ScriptStatementKind
{
    Clock,
    Call,
    ExpectPrompt,
    ExpectSay,
    ExpectTransfer,
    ExpectHangup,
    Press,
    Wait,
    TransferFails,
    Hangup,
}
