using VikaIvr.Jkn.Billing;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Sentences;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Tests;

/// <summary>Each demo participant of VIKA.md, with M = November 2026.</summary>
public class DemoSentenceTests
{
    private static readonly YearMonth M = new(2026, 11);

    private static Participant Demo(string name) => DemoParticipants.For(M).Single(p => p.Name == name);

    [Theory]
    [InlineData("Budi Santoso",
        "Peserta atas nama Budi Santoso, segmen Pekerja Bukan Penerima Upah atau Mandiri, kelas 3, status kepesertaan aktif.")]
    [InlineData("Siti Rahmawati",
        "Peserta atas nama Siti Rahmawati, segmen Pekerja Penerima Upah Badan Usaha, kelas 1, status kepesertaan aktif.")]
    [InlineData("Agus Wijaya",
        "Peserta atas nama Agus Wijaya, segmen Pekerja Bukan Penerima Upah atau Mandiri, kelas 2, status kepesertaan tidak aktif karena terdapat tunggakan iuran selama 6 bulan.")]
    [InlineData("Ni Made Ayu Lestari",
        "Peserta atas nama Ni Made Ayu Lestari, segmen Penerima Bantuan Iuran APBN, kelas 3, status kepesertaan aktif.")]
    [InlineData("Hendra Gunawan",
        "Peserta atas nama Hendra Gunawan, segmen Pekerja Penerima Upah Penyelenggara Negara, kelas 1, status kepesertaan tidak aktif karena data NIK belum sesuai. Silakan lakukan registrasi ulang.")]
    [InlineData("Dewi Lestari",
        "Peserta atas nama Dewi Lestari, segmen Bukan Pekerja, kelas 1, status kepesertaan tidak aktif karena terdapat tunggakan iuran selama 30 bulan.")]
    public void Status_sentence(string name, string expected) =>
        Assert.Equal(expected, StatusSentence.For(Demo(name), M));

    [Theory]
    [InlineData("Budi Santoso",
        "Tidak ada tunggakan. Iuran Anda telah dibayar sampai dengan bulan November 2026.")]
    [InlineData("Siti Rahmawati", "Iuran Anda dibayarkan melalui pemberi kerja.")]
    [InlineData("Agus Wijaya",
        "Tagihan iuran Anda sebesar 700000 rupiah, terdiri dari tunggakan 6 bulan dan iuran bulan berjalan. Anda dapat mengikuti program REHAB dengan pembayaran bertahap paling banyak 3 tahap melalui aplikasi Mobile JKN, sampai tanggal 28 bulan ini.")]
    [InlineData("Ni Made Ayu Lestari", "Iuran Anda ditanggung oleh pemerintah.")]
    [InlineData("Hendra Gunawan", "Iuran Anda dibayarkan melalui pemberi kerja.")]
    [InlineData("Dewi Lestari",
        "Tagihan iuran Anda sebesar 3750000 rupiah, terdiri dari tunggakan 24 bulan dan iuran bulan berjalan.")]
    public void Bill_sentence(string name, string expected) =>
        Assert.Equal(expected, BillSentence.For(BillCalculator.Compute(Demo(name), M)));

    [Fact]
    public void Demo_bills_match_vika_md()
    {
        var agus = BillCalculator.Compute(Demo("Agus Wijaya"), M);
        Assert.Equal((6, 700_000L, 3), (agus.ArrearsMonths, agus.Amount, agus.RehabMaxInstalments));
        var dewi = BillCalculator.Compute(Demo("Dewi Lestari"), M);
        Assert.Equal((30, 3_750_000L, 0), (dewi.ArrearsMonths, dewi.Amount, dewi.RehabMaxInstalments));
    }

    [Fact]
    public void Month_names_are_indonesian()
    {
        Assert.Equal("Januari", IndonesianMonths.Name(1));
        Assert.Equal("Agustus", IndonesianMonths.Name(8));
        Assert.Equal("Desember", IndonesianMonths.Name(12));
        var bill = BillCalculator.Compute(Segment.Pbpu, 3, new YearMonth(2027, 8), M);
        Assert.Equal("Tidak ada tunggakan. Iuran Anda telah dibayar sampai dengan bulan Agustus 2027.", BillSentence.For(bill));
    }

    [Fact]
    public void Segment_codes_round_trip()
    {
        foreach (var segment in Enum.GetValues<Segment>())
            Assert.Equal(segment, SegmentCodes.Parse(SegmentCodes.Code(segment)));
        Assert.False(SegmentCodes.TryParse("MANDIRI", out _));
    }
}
