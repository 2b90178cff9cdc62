using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// What <see cref="FragmentContractReader"/> found: the contract (null when the fragment has none, or when its YAML or
/// its id, section or summary is unusable) and every problem, located in the fragment file.
/// </summary>
public sealed record FragmentContractReadResult(FragmentContract? Contract, IReadOnlyList<Diagnostic> Diagnostics);
