using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Execution;

/// <summary>One line of what the pipeline did for a request, and why.</summary>
public sealed record ExecutionTraceEntry(string Section, string Policy, string Message, SourceLocation Location);

/// <summary>The record of a request's run: every policy that ran, with what it decided.</summary>
public sealed class ExecutionTrace
{
    private readonly List<ExecutionTraceEntry> _entries = [];

    public IReadOnlyList<ExecutionTraceEntry> Entries => _entries;

    public void Add(PolicyLocation location, string message) =>
        _entries.Add(new ExecutionTraceEntry(location.Section, location.PolicyName, message, location.Source));
}
