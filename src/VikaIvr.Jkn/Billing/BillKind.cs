namespace VikaIvr.Jkn.Billing;

public enum BillKind
{
    /// <summary>PBI: the government pays; no bill of their own.</summary>
    GovernmentPaid,
    /// <summary>PPU: the employer pays; no bill of their own.</summary>
    EmployerPaid,
    /// <summary>PBPU/BP with no arrears.</summary>
    NothingDue,
    /// <summary>PBPU/BP with arrears: arrears (capped) plus the current month are due.</summary>
    Due,
}
