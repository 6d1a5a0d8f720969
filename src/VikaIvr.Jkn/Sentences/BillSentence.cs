using System.Globalization;
using VikaIvr.Jkn.Billing;

namespace VikaIvr.Jkn.Sentences;

/// <summary>
/// The bill answer worded as VIKA.md section 7, numbers as digits (the speech layer turns
/// them into Indonesian words). The arrears named are the months billed (capped at 24), so
/// the sentence agrees with the amount.
/// </summary>
public static class BillSentence
{
    public static string For(Bill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        var inv = CultureInfo.InvariantCulture;
        switch (bill.Kind)
        {
            case BillKind.GovernmentPaid:
                return "Iuran Anda ditanggung oleh pemerintah.";
            case BillKind.EmployerPaid:
                return "Iuran Anda dibayarkan melalui pemberi kerja.";
            case BillKind.NothingDue:
                return bill.PaidThrough is { } p
                    ? string.Create(inv, $"Tidak ada tunggakan. Iuran Anda telah dibayar sampai dengan bulan {IndonesianMonths.Name(p.Month)} {p.Year}.")
                    : "Tidak ada tunggakan.";
            case BillKind.Due:
                string due = string.Create(inv,
                    $"Tagihan iuran Anda sebesar {bill.Amount} rupiah, terdiri dari tunggakan {bill.BilledArrearsMonths} bulan dan iuran bulan berjalan.");
                return bill.RehabEligible
                    ? string.Create(inv,
                        $"{due} Anda dapat mengikuti program REHAB dengan pembayaran bertahap paling banyak {bill.RehabMaxInstalments} tahap melalui aplikasi Mobile JKN, sampai tanggal {Billing.Rehab.RegistrationLastDay} bulan ini.")
                    : due;
            default:
                throw new ArgumentOutOfRangeException(nameof(bill), bill.Kind, null);
        }
    }
}
