namespace VikaIvr.Jkn.Identity;

/// <summary>The JKN-KIS card number: 13 digits, no check digit the caller could verify.</summary>
public static class KisCardNumber
{
    public const int Length = 13;

    public static bool IsValid(ReadOnlySpan<char> card) => card.Length == Length && DigitText.AllDigits(card);
}
