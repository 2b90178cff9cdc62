using ApimAiGateway.Harness.Fragments;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// Every fragment opens with its contract: YAML in the first XML comment naming its id (the file name), its section,
/// a summary, what it reads and sets, and what it returns. The fragment catalog (docs/fragments.md) is generated from
/// these by the harness's <see cref="FragmentContractReader"/>, so the same reader checks them here.
/// </summary>
public sealed class FragmentContractTests
{
    private static readonly NamedValueSet Declared =
        NamedValueSet.Load(Path.Combine(FragmentFixture.RepositoryRoot, "policies", FragmentCatalog.NamedValuesFile)).Set;

    public static TheoryData<string> Fragments => [.. Directory.GetFiles(Path.Combine(FragmentFixture.RepositoryRoot, "fragments"), "*.xml").Select(f => Path.GetFileNameWithoutExtension(f)).Order()];

    [Theory]
    [MemberData(nameof(Fragments))]
    public void The_fragment_opens_with_a_contract_that_names_it_and_its_section(string id)
    {
        var read = FragmentContractReader.ReadFile(Path.Combine(FragmentFixture.RepositoryRoot, "fragments", id + ".xml"), Declared);

        Assert.Empty(read.Diagnostics.Select(d => d.ToString()));
        var contract = Assert.IsType<FragmentContract>(read.Contract);
        Assert.Equal(id, contract.Id);
        Assert.False(string.IsNullOrWhiteSpace(contract.Summary));
        Assert.False(contract.Reads.IsEmpty && contract.Sets.IsEmpty, $"{id}: the contract says neither what it reads nor what it sets.");
    }
}
