using VikaIvr.Speech.Engines;

namespace VikaIvr.Speech.Tests.Engines;

public class AzureSsmlTests
{
    [Fact]
    public void Escapes_text_and_names_the_voice()
    {
        var ssml = AzureSsml.Build("id-ID-GadisNeural", "A & B <c> 'd' \"e\"");
        Assert.Equal(
            "<speak version='1.0' xml:lang='id-ID'><voice name='id-ID-GadisNeural'>A &amp; B &lt;c&gt; &apos;d&apos; &quot;e&quot;</voice></speak>",
            ssml);
        System.Xml.Linq.XDocument.Parse(ssml); // well-formed
    }
}
