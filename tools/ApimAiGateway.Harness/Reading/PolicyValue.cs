namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// An attribute value or element text: <see cref="Text"/> is the decoded text after named-value substitution;
/// <see cref="Expression"/> is set when that text, trimmed, is exactly one policy expression.
/// </summary>
public sealed record PolicyValue(LocatedText Text, PolicyExpression? Expression)
{
    public bool IsExpression => Expression is not null;

    public override string ToString() => Text.Text;
}
