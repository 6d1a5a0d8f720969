using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

internal sealed partial class FlowStepRunner
{
    private async Task<string?> MenuAsync(MenuNode node)
    {
        s.LastMenu = node.Id;
        int failures = 0;
        while (true)
        {
            for (int i = 0; i < node.PromptIds.Count; i++) await PlayPromptAsync(node.PromptIds[i].Name, node.BargeIn); // indexed: no boxed enumerator
            if (HungUp) return null;

            var options = new DigitOptions
            {
                MinDigits = 1, MaxDigits = 1, FirstDigitTimeout = node.Timeout, InterDigitTimeout = node.Timeout,
            };
            bool absorbing = s.AbsorbTerminator && !node.Choices.ContainsKey('#');
            if (absorbing) options = options with { Terminators = "#", DiscardLeadingTerminator = true };
            s.AbsorbTerminator = false;

            var result = await s.Call.CollectDigitsAsync(options, s.Ct);
            if (result.Termination == DigitTermination.Hangup) return null;

            FlowRef? failurePrompt;
            if (result.Digits.Length == 1 && node.Choices.TryGetValue(result.Digits[0], out var target))
            {
                s.Event($"menu {node.Id}: key {result.Digits}");
                return target.Name;
            }

            if (result.Termination == DigitTermination.NoInput)
            {
                s.Event($"menu {node.Id}: no input");
                failurePrompt = node.NoInputPrompt;
            }
            else
            {
                string key = result.Digits.Length > 0 ? result.Digits : "#";
                s.Event($"menu {node.Id}: invalid key {key}");
                failurePrompt = node.InvalidPrompt;
            }

            failures++;
            if (failurePrompt is { } fp) await PlayPromptAsync(fp.Name, node.BargeIn);
            if (HungUp) return null;
            if (failures >= node.MaxFailures)
            {
                s.Event($"menu {node.Id}: {failures} failures in a row");
                s.SetOutcomeIfEmpty("too-many-failures");
                return node.OnTooManyFailures.Name;
            }
        }
    }
}
