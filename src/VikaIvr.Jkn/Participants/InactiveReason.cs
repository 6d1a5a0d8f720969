namespace VikaIvr.Jkn.Participants;

/// <summary>Why a card is inactive.</summary>
public enum InactiveReason
{
    None,
    /// <summary>Unpaid contributions (tunggakan iuran).</summary>
    Arrears,
    /// <summary>NIK missing or not matching the population registry (programme GILANG).</summary>
    NikMismatch,
}
