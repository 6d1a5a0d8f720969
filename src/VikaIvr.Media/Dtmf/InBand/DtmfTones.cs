namespace VikaIvr.Media.Dtmf.InBand;

/// <summary>The DTMF keypad: four low-group (row) and four high-group (column) frequencies.</summary>
public static class DtmfTones
{
    /// <summary>The 16 digits in row-major keypad order.</summary>
    public const string Digits = "123A456B789C*0#D";

    // Arrays behind the spans: a collection expression of doubles would allocate on every read.
    private static readonly double[] Low = [697, 770, 852, 941];
    private static readonly double[] High = [1209, 1336, 1477, 1633];

    public static ReadOnlySpan<double> LowFrequencies => Low;

    public static ReadOnlySpan<double> HighFrequencies => High;

    /// <summary>The digit for a row and column index (0–3 each).</summary>
    public static char DigitAt(int row, int column) => Digits[(row * 4) + column];

    /// <summary>Frequencies of a digit; throws for anything but 0–9, *, #, A–D (a–d accepted).</summary>
    public static (double Low, double High) FrequenciesOf(char digit)
    {
        var index = Digits.IndexOf(char.ToUpperInvariant(digit));
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF digit (0-9, *, #, A-D).");
        }

        return (LowFrequencies[index / 4], HighFrequencies[index % 4]);
    }
}
