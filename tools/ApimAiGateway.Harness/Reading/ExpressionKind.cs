namespace ApimAiGateway.Harness.Reading;

public enum ExpressionKind
{
    /// <summary><c>@( expression )</c>: one C# expression whose value is the result.</summary>
    SingleStatement,

    /// <summary><c>@{ statements }</c>: a C# block whose every path ends in <c>return</c>.</summary>
    MultiStatement,
}
