namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// The markup tokens of a template in order. <see cref="UnterminatedAt"/> is the offset of a '{{' or '{%' that is
/// never closed (scanning stops there, as DotLiquid's parser does), or null.
/// </summary>
internal sealed record LiquidScan(IReadOnlyList<LiquidToken> Tokens, int? UnterminatedAt);
