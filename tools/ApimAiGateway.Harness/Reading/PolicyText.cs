using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// A run of character data between markup: entity-decoded text, or the literal content of a CDATA section.
/// White-space-only runs outside CDATA are not kept in the model.
/// </summary>
public sealed class PolicyText : PolicyNode
{
    internal PolicyText(LocatedText text, bool isCData, SourceLocation location)
        : base(location)
    {
        Text = text;
        IsCData = isCData;
    }

    /// <summary>The text after named-value substitution and (outside CDATA) entity decoding.</summary>
    public LocatedText Text { get; }

    public bool IsCData { get; }

    public override string ToString() => Text.Text;
}
