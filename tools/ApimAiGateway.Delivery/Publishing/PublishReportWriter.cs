namespace ApimAiGateway.Delivery.Publishing;

/// <summary>
/// Prints a publish report for a CI log: one line per resource (action, resource, outcome), the diff of each update
/// under it, then why publish stopped and what was and was not applied (docs/delivery.md).
/// </summary>
public static class PublishReportWriter
{
    public static void Write(PublishReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        foreach (var change in report.Changes)
        {
            var outcome = change.Outcome switch
            {
                ResourceOutcome.Applied => "applied",
                ResourceOutcome.Failed => "FAILED",
                ResourceOutcome.NotApplied => "not applied",
                _ => change.Action == ResourceAction.Verified ? $"exists ({change.Detail})" : string.Empty,
            };
            output.WriteLine($"{Word(change.Action),-10} {change.Address,-48} {outcome}".TrimEnd());
            foreach (var line in change.Diff)
            {
                output.WriteLine($"           {line}");
            }
        }

        foreach (var problem in report.Problems)
        {
            output.WriteLine($"error: {problem}");
        }

        output.WriteLine(Summary(report));
    }

    private static string Summary(PublishReport report)
    {
        var writes = report.Changes.Where(c => c.IsWrite).ToList();
        var counts = string.Join(", ", report.Changes.GroupBy(c => c.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Word(g.Key)}"));
        return report.Status switch
        {
            PublishStatus.WhatIf => $"What-if: nothing was changed. Would do: {(counts.Length == 0 ? "nothing" : counts)}.",
            PublishStatus.Published => $"Published: {(counts.Length == 0 ? "nothing to do" : counts)}.",
            PublishStatus.Invalid => "Nothing was published: fix the errors above first (nothing was sent to Azure).",
            PublishStatus.UsageError => "Nothing was published.",
            _ when writes.Count == 0 => "Stopped before any write: nothing was applied.",
            _ => $"Stopped. Applied: {List(writes.Where(c => c.Outcome == ResourceOutcome.Applied))}. " +
                 $"Not applied: {List(writes.Where(c => c.Outcome != ResourceOutcome.Applied))}.",
        };
    }

    private static string List(IEnumerable<ResourceChange> changes)
    {
        var names = changes.Select(c => c.Address.ToString()).ToList();
        return names.Count == 0 ? "nothing" : string.Join(", ", names);
    }

    private static string Word(ResourceAction action) => action switch
    {
        ResourceAction.Create => "create",
        ResourceAction.Update => "update",
        ResourceAction.Unchanged => "unchanged",
        _ => "verified",
    };
}
