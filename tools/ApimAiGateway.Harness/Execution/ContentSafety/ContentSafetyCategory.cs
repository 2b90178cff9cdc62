using ApimAiGateway.Harness.Execution.Binding;

namespace ApimAiGateway.Harness.Execution.ContentSafety;

/// <summary>A &lt;category name threshold&gt; of llm-content-safety: block when the category's severity reaches the threshold.</summary>
internal sealed record ContentSafetyCategory(BoundValue<string> Name, BoundValue<int> Threshold);
