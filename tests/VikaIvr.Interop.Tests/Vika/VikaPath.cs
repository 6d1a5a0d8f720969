namespace VikaIvr.Interop.Tests.Vika;

/// <summary>The two answers of the VIKA menu, with the node ids and outcome of config/flows/vika.yaml.</summary>
public sealed record VikaPath(string Name, char VikaMenuKey, string LoadNode, string AnswerNode, string Outcome)
{
    public static VikaPath Status { get; } = new("status", '1', "load-status", "status-answer", "status-answered");

    public static VikaPath Bill { get; } = new("bill", '2', "load-bill", "bill-answer", "bill-answered");

    public static VikaPath Get(string name) => name == "bill" ? Bill : Status;

    /// <summary>Every key from the main menu to the last birth-date digit: 1, the menu key, the number, the date.</summary>
    public string Keys(DemoParticipant participant, bool byCard) =>
        "1" + VikaMenuKey + participant.IdKeys(byCard) + participant.BirthDate;
}
