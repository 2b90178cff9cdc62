namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// What the attribute or element that holds an expression needs from it. Boolean attributes (conditions) are
/// compiled as <c>bool</c> so a non-boolean condition fails at compile time as it does when APIM saves the policy;
/// every other expression yields <c>object</c> and is converted when the policy runs.
/// </summary>
public enum ExpressionResultType
{
    Object,
    Boolean,
}
