namespace ApimAiGateway.Harness.Policies;

/// <summary>The text rule of an element: which kind of text it takes and whether the text is mandatory.</summary>
public sealed record TextContent(TextContentKind Kind, bool Required)
{
    public static TextContent None { get; } = new(TextContentKind.None, Required: false);

    public static TextContent OptionalLiteral { get; } = new(TextContentKind.Literal, Required: false);

    public static TextContent RequiredLiteral { get; } = new(TextContentKind.Literal, Required: true);

    public static TextContent OptionalValue { get; } = new(TextContentKind.LiteralOrExpression, Required: false);

    public static TextContent RequiredValue { get; } = new(TextContentKind.LiteralOrExpression, Required: true);

    public bool AllowsText => Kind != TextContentKind.None;

    public bool AllowsExpressions => Kind == TextContentKind.LiteralOrExpression;
}
