namespace VikaIvr.Jkn.Participants;

/// <summary>Card status (status kepesertaan).</summary>
public enum MembershipStatus
{
    Active,
    Inactive,
}
