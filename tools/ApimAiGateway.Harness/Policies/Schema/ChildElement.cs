namespace ApimAiGateway.Harness.Policies;

/// <summary>A child element an element may contain, with how often it may occur.</summary>
/// <param name="MaxOccurs">Upper bound, or <see langword="null"/> when unbounded.</param>
public sealed record ChildElement(ElementSpec Element, int MinOccurs, int? MaxOccurs)
{
    public string Name => Element.Name;

    public bool AllowsCount(int count) => count >= MinOccurs && (MaxOccurs is null || count <= MaxOccurs);
}
