namespace ApimAiGateway.Harness.Templates;

internal enum LiquidTokenKind
{
    /// <summary><c>{{ ... }}</c>: a value, optionally piped through filters.</summary>
    Output,

    /// <summary><c>{% ... %}</c>: a tag such as <c>if</c>, <c>for</c> or <c>assign</c>.</summary>
    Tag,
}
