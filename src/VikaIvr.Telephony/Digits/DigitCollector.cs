using System.Text;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Telephony.Digits;

/// <summary>Multi-digit collection on a <see cref="DigitQueue"/>: lengths, terminators, first- and inter-digit timeouts.</summary>
public static class DigitCollector
{
    public static async Task<DigitResult> CollectAsync(DigitQueue queue, DigitOptions options, CancellationToken ct)
    {
        var digits = new StringBuilder(options.MaxDigits);
        bool first = true;
        bool mayDiscard = options.DiscardLeadingTerminator;
        while (true)
        {
            char? next;
            try
            {
                next = await queue.WaitAsync(first ? options.FirstDigitTimeout : options.InterDigitTimeout, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new DigitResult(digits.ToString(), DigitTermination.Hangup);
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                return new DigitResult(digits.ToString(), DigitTermination.Hangup);
            }
            if (next is not char key)
                return digits.Length == 0 ? DigitResult.NoInput : new DigitResult(digits.ToString(), DigitTermination.InterDigitTimeout);
            if (options.Terminators.Contains(key))
            {
                if (first && mayDiscard) { mayDiscard = false; continue; }
                return new DigitResult(digits.ToString(), DigitTermination.Terminator);
            }
            first = false;
            digits.Append(key);
            if (digits.Length >= options.MaxDigits)
                return new DigitResult(digits.ToString(), DigitTermination.MaxDigits);
        }
    }
}
