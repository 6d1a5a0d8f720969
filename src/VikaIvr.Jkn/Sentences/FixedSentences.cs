namespace VikaIvr.Jkn.Sentences;

/// <summary>The sentences of the status and bill answers that never change, for pre-synthesis at start.</summary>
public static class FixedSentences
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Silakan lakukan registrasi ulang.",
        "Iuran Anda ditanggung oleh pemerintah.",
        "Iuran Anda dibayarkan melalui pemberi kerja.",
        "Tidak ada tunggakan.",
    ];
}
