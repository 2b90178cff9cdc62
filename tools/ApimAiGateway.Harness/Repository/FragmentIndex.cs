using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Repository;

/// <summary>The policy fragments a run can include, by fragment id.</summary>
public sealed class FragmentIndex
{
    private readonly Dictionary<string, PolicyDocument> _fragments = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Ids => _fragments.Keys;

    public void Add(string id, PolicyDocument fragment) => _fragments[id] = fragment;

    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyDocument? fragment) =>
        _fragments.TryGetValue(id, out fragment);
}
