namespace ApimAiGateway.Harness.Reading;

/// <summary>The two expression forms APIM defines (apim-reference §1.1).</summary>
public enum ExpressionKind
{
    /// <summary><c>@( … )</c>: one C# expression whose value is the result.</summary>
    SingleStatement,

    /// <summary><c>@{ … }</c>: a C# statement block in which every code path ends in <c>return</c>.</summary>
    MultiStatement,
}
