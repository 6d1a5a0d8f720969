using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Identity;

/// <summary>
/// The NIK (Nomor Induk Kependudukan): 16 digits PPKKCCDDMMYYSSSS — province, regency/city,
/// district, birth day (+40 for women), birth month, two-digit birth year, serial.
/// Only the structure is checked; whether the person exists is the repository's business.
/// </summary>
public static class Nik
{
    public const int Length = 16;

    /// <summary>True when <paramref name="nik"/> is 16 digits with real region codes and a real birth date not after <paramref name="today"/>.</summary>
    public static bool IsValid(ReadOnlySpan<char> nik, DateOnly today) => TryGetBirthDate(nik, today, out _, out _);

    public static bool IsValid(ReadOnlySpan<char> nik, TimeProvider clock) => IsValid(nik, JakartaTime.Today(clock));

    /// <summary>
    /// Decodes the birth date. The two-digit year takes the latest century that does not put
    /// the date after <paramref name="today"/> (a NIK of someone born in 2030 cannot exist yet).
    /// </summary>
    public static bool TryGetBirthDate(ReadOnlySpan<char> nik, DateOnly today, out DateOnly birthDate, out bool female)
    {
        birthDate = default;
        female = false;
        if (nik.Length != Length || !DigitText.AllDigits(nik)) return false;

        int province = DigitText.Value(nik[..2]);
        int regency = DigitText.Value(nik[2..4]);
        int district = DigitText.Value(nik[4..6]);
        int day = DigitText.Value(nik[6..8]);
        int month = DigitText.Value(nik[8..10]);
        int year2 = DigitText.Value(nik[10..12]);
        int serial = DigitText.Value(nik[12..16]);

        // Province codes run from 11 (Aceh) to 9x (Papua); zero codes and serials are never issued.
        if (province < 11 || regency == 0 || district == 0 || serial == 0) return false;

        if (day > 40)
        {
            female = true;
            day -= 40;
        }

        int century = today.Year / 100 * 100;
        int year = century + year2;
        if (!TryDate(year, month, day, out var date) || date > today)
        {
            year -= 100;
            if (!TryDate(year, month, day, out date) || date > today) return false;
        }

        birthDate = date;
        return true;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
