using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

internal sealed partial class FlowStepRunner
{
    /// <summary>How long after a complete entry its unneeded terminator is still dropped.</summary>
    private static readonly TimeSpan AbsorbWindow = TimeSpan.FromSeconds(3);

    private async Task<string?> CollectAsync(CollectNode node)
    {
        var validator = node.Validator is { } v ? runtime.Components.Validator(v.Name) : null;
        if (node.Validator is { } missing && validator is null)
            return await SystemBusyAsync($"validator '{missing.Name}' is not registered");

        int failures = 0;
        while (true)
        {
            for (int i = 0; i < node.PromptIds.Count; i++) await PlayPromptAsync(node.PromptIds[i].Name, node.BargeIn); // indexed: no boxed enumerator
            if (HungUp) return null;

            var options = new DigitOptions
            {
                MinDigits = node.MinDigits,
                MaxDigits = node.MaxDigits,
                Terminators = node.Terminators,
                FirstDigitTimeout = node.FirstDigitTimeout,
                InterDigitTimeout = node.InterDigitTimeout,
                DiscardLeadingTerminator = s.AbsorbTerminator,
            };
            s.AbsorbTerminator = false;

            var result = await s.Call.CollectDigitsAsync(options, s.Ct);
            if (result.Termination == DigitTermination.Hangup) return null;
            if (result.Termination == DigitTermination.MaxDigits && node.Terminators.Length > 0)
            {
                // The caller may still add the terminator the entry no longer needs: drop it, so it
                // neither cuts the next prompt nor counts as input there.
                s.AbsorbTerminator = true;
                s.Call.AbsorbNextKey(node.Terminators[0], AbsorbWindow);
            }

            string shown = node.Personal ? DigitMask.Mask(result.Digits) : result.Digits;
            FlowRef? failurePrompt;
            if (result.Termination == DigitTermination.NoInput)
            {
                s.Event($"collect {node.Id}: no input");
                failurePrompt = node.NoInputPrompt;
            }
            else if (result.Digits.Length < node.MinDigits
                     || (validator is not null && !validator.IsValid(result.Digits, runtime.Clock.GetUtcNow())))
            {
                s.Event($"collect {node.Id}: invalid '{shown}' ({result.Termination})");
                failurePrompt = node.InvalidPrompt;
            }
            else
            {
                s.Event($"collect {node.Id}: '{shown}' ({result.Termination})");
                s.Variables.Set(node.Variable, result.Digits, node.Personal);
                return node.Next.Name;
            }

            failures++;
            if (failurePrompt is { } fp) await PlayPromptAsync(fp.Name, node.BargeIn);
            if (HungUp) return null;
            if (failures >= node.Attempts)
            {
                s.Event($"collect {node.Id}: {failures} failures in a row");
                s.SetOutcomeIfEmpty("too-many-failures");
                return node.OnTooManyFailures.Name;
            }
        }
    }
}
