namespace VikaIvr.Server.Web.Pages.Calls;

/// <summary>
/// One node of a call's path: when it was entered (ms since the answer) and how long the call stayed
/// there; null where the record does not tell (a record without node times, a call still in progress).
/// </summary>
public sealed record CallPathStep(int Number, string NodeId, long? EnteredMs, long? SpentMs);
