using Microsoft.Extensions.Logging;
using VikaIvr.Media.Dtmf.InBand;
using VikaIvr.Media.Session;

namespace VikaIvr.Testing.Caller;

/// <summary>Sending keys in the configured mode.</summary>
public sealed partial class TestCaller
{
    /// <summary>Sends each key, then waits <paramref name="gap"/> before the next (not after the last).</summary>
    public async Task SendDigitsAsync(string digits, TimeSpan gap, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(digits);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, ct).ConfigureAwait(false);
            }

            await SendDigitAsync(digits[i], ct).ConfigureAwait(false);
        }
    }

    /// <summary>One key; completes when it has been sent (the last RFC 4733 end packet, the INFO's answer, the tone's end).</summary>
    public async Task SendDigitAsync(char digit, CancellationToken ct = default)
    {
        var media = _media is not null && IsEstablished ? _media : throw new InvalidOperationException("The call is not established.");
        switch (_options.DtmfMode)
        {
            case TestCallerDtmfMode.Info:
                var status = await Call.SendInfoDtmfAsync(digit, _options.DtmfDuration, ct).ConfigureAwait(false);
                if (status is < 200 or >= 300)
                {
                    _logger.LogWarning("INFO for key {Digit} answered {Status}", digit, status);
                }

                break;
            case TestCallerDtmfMode.InBand:
                var tone = DtmfToneGenerator.GenerateSequence(digit.ToString(), _options.DtmfDuration, _options.DtmfGap);
                var codec = Negotiated!.Codec;
                await media.Play(EncodedAudio.Encode(tone, codec, "dtmf-" + digit), ct).ConfigureAwait(false);
                break;
            default:
                await media.SendDtmf(digit, _options.DtmfDuration).WaitAsync(ct).ConfigureAwait(false);
                break;
        }
    }
}
