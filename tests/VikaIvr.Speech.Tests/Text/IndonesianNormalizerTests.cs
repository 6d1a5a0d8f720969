using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Tests.Text;

public class IndonesianNormalizerTests
{
    private readonly IndonesianNormalizer _normalizer = new();

    [Theory]
    [InlineData("Tagihan iuran Anda sebesar 700000 rupiah.", "Tagihan iuran Anda sebesar tujuh ratus ribu rupiah.")]
    [InlineData("sebesar Rp 700.000", "sebesar tujuh ratus ribu rupiah")]
    [InlineData("sebesar Rp700.000,00.", "sebesar tujuh ratus ribu rupiah.")]
    [InlineData("sebesar Rp. 3.750.000,- saja", "sebesar tiga juta tujuh ratus lima puluh ribu rupiah saja")]
    [InlineData("Rp 150.000 rupiah", "seratus lima puluh ribu rupiah")]
    [InlineData("sebesar 2.500.000 rupiah", "sebesar dua juta lima ratus ribu rupiah")]
    public void Speaks_rupiah_amounts(string input, string expected) => Assert.Equal(expected, _normalizer.Normalize(input));

    [Theory]
    [InlineData("tanggal 17-08-1985", "tanggal tujuh belas Agustus seribu sembilan ratus delapan puluh lima")]
    [InlineData("tanggal 17/08/1985.", "tanggal tujuh belas Agustus seribu sembilan ratus delapan puluh lima.")]
    [InlineData("tanggal 1985-08-17", "tanggal tujuh belas Agustus seribu sembilan ratus delapan puluh lima")]
    [InlineData("untuk tanggal 17 Agustus 1985,", "untuk tanggal tujuh belas Agustus seribu sembilan ratus delapan puluh lima,")]
    [InlineData("sampai dengan bulan November 2026.", "sampai dengan bulan November dua ribu dua puluh enam.")]
    [InlineData("5-3-1992", "lima Maret seribu sembilan ratus sembilan puluh dua")]
    public void Speaks_dates_and_years(string input, string expected) => Assert.Equal(expected, _normalizer.Normalize(input));

    [Theory]
    [InlineData("PANDAWA 08118165165", "PANDAWA nol delapan satu satu delapan satu enam lima satu enam lima")]
    [InlineData("NIK 3171011708850001", "NIK tiga satu tujuh satu nol satu satu tujuh nol delapan delapan lima nol nol nol satu")]
    [InlineData("kartu 0001234567890", "kartu nol nol nol satu dua tiga empat lima enam tujuh delapan sembilan nol")]
    [InlineData("hubungi 021-165", "hubungi nol dua satu, satu enam lima")]
    [InlineData("+6221165", "plus enam dua dua satu satu enam lima")]
    [InlineData("tekan 0.", "tekan nol.")]
    public void Speaks_digit_strings_digit_by_digit(string input, string expected) => Assert.Equal(expected, _normalizer.Normalize(input));

    [Theory]
    [InlineData("Care Center 165.", "Care Center seratus enam puluh lima.")]
    [InlineData("kelas 3, selama 6 bulan", "kelas tiga, selama enam bulan")]
    [InlineData("tekan 1. Untuk", "tekan satu. Untuk")]
    [InlineData("tekan 1 7 0 8 1 9 8 5.", "tekan satu tujuh nol delapan satu sembilan delapan lima.")]
    [InlineData("paling banyak 12 tahap", "paling banyak dua belas tahap")]
    [InlineData("16 digit", "enam belas digit")]
    [InlineData("tunggakan 4–24 bulan", "tunggakan empat sampai dua puluh empat bulan")]
    [InlineData("pukul 08.00–15.00 WIB", "pukul delapan sampai lima belas WIB")]
    [InlineData("pukul 08.30", "pukul delapan tiga puluh")]
    [InlineData("paling lama 1×24 jam", "paling lama satu kali dua puluh empat jam")]
    [InlineData("paling lama 1x24 jam", "paling lama satu kali dua puluh empat jam")]
    [InlineData("diskon 2,5%", "diskon dua koma lima persen")]
    [InlineData("tahap ke-2 dan ke-1", "tahap kedua dan pertama")]
    [InlineData("COVID19", "COVID sembilan belas")]
    [InlineData("3 bulan", "tiga bulan")]
    public void Speaks_counts_and_symbols(string input, string expected) => Assert.Equal(expected, _normalizer.Normalize(input));

    [Theory]
    [InlineData("Selamat datang di layanan BPJS Kesehatan.")]
    [InlineData("Maaf, pilihan Anda tidak tersedia!")]
    [InlineData("JKN-KIS Anda, lalu tekan tanda pagar.")]
    [InlineData("")]
    public void Keeps_text_without_numbers(string input) => Assert.Equal(input, _normalizer.Normalize(input));

    [Fact]
    public void Collapses_whitespace_and_line_breaks()
        => Assert.Equal("Peserta atas nama Budi, kelas tiga.", _normalizer.Normalize("  Peserta  atas nama\r\nBudi ,  kelas 3 . "));

    [Fact]
    public void Normalises_the_status_sentence()
    {
        var text = _normalizer.Normalize(
            "Peserta atas nama Agus Wijaya, segmen Pekerja Bukan Penerima Upah atau Mandiri, kelas 2, status kepesertaan tidak aktif karena terdapat tunggakan iuran selama 6 bulan.");
        Assert.Equal(
            "Peserta atas nama Agus Wijaya, segmen Pekerja Bukan Penerima Upah atau Mandiri, kelas dua, status kepesertaan tidak aktif karena terdapat tunggakan iuran selama enam bulan.",
            text);
    }

    [Fact]
    public void Output_contains_no_digits_for_the_bill_sentence()
    {
        var text = _normalizer.Normalize(
            "Tagihan iuran Anda sebesar 3750000 rupiah, terdiri dari tunggakan 24 bulan dan iuran bulan berjalan. Anda dapat mengikuti program REHAB dengan pembayaran bertahap paling banyak 3 tahap melalui aplikasi Mobile JKN, sampai tanggal 28 bulan ini.");
        foreach (var c in text) Assert.False(char.IsAsciiDigit(c), text);
        Assert.Contains("tiga juta tujuh ratus lima puluh ribu rupiah", text);
        Assert.Contains("dua puluh empat bulan", text);
        Assert.Contains("tanggal dua puluh delapan", text);
    }

    [Fact]
    public void Is_idempotent()
    {
        var once = _normalizer.Normalize("Rp 700.000 pada 17-08-1985, hubungi 08118165165.");
        Assert.Equal(once, _normalizer.Normalize(once));
    }
}
