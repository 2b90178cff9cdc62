using ApimAiGateway.Harness.Fragments;

namespace ApimAiGateway.Harness.Tests.Cli;

public sealed class FragmentCatalogDocumentationTests
{
    [Fact]
    public void Docs_fragments_md_is_the_catalog_the_fragments_contracts_generate()
    {
        var catalog = FragmentCatalog.Load(ThisRepository.Root);
        Assert.True(catalog.IsComplete, string.Join("\n", catalog.Diagnostics));

        var documented = File.ReadAllText(ThisRepository.PathOf("docs", "fragments.md")).ReplaceLineEndings("\n");

        Assert.True(documented == FragmentCatalogWriter.Write(catalog),
            "docs/fragments.md is out of date: regenerate it with `apim-policy docs`.");
    }
}
