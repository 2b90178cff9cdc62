using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Tests.Reading;

public class LocatedTextTests
{
    private const string File = "f.xml";

    [Fact]
    public void Source_text_maps_offsets_to_lines_and_columns()
    {
        var text = LocatedText.FromSource(new SourceFile(File, "ab\ncd\r\nef\rg"), 0, 11);

        Assert.Equal(new SourceLocation(File, 1, 1), text.LocationAt(0));
        Assert.Equal(new SourceLocation(File, 2, 2), text.LocationAt(4));
        Assert.Equal(new SourceLocation(File, 3, 1), text.LocationAt(7));
        Assert.Equal(new SourceLocation(File, 4, 1), text.LocationAt(10));
        Assert.Equal(new SourceLocation(File, 4, 2), text.LocationAt(11));
    }

    [Fact]
    public void Slice_and_trim_keep_locations()
    {
        var text = LocatedText.FromSource(new SourceFile(File, "x\n  hello  \n"), 0, 12);

        var trimmed = text.Slice(1).Trim();

        Assert.Equal("hello", trimmed.Text);
        Assert.Equal(new SourceLocation(File, 2, 3), trimmed.Start);
        Assert.Equal(new SourceLocation(File, 2, 5), trimmed.Slice(2, 2).Start);
    }

    [Fact]
    public void Pinned_runs_map_every_character_to_one_place()
    {
        var at = new SourceLocation(File, 7, 9);
        var source = LocatedText.FromSource(new SourceFile(File, "ab"), 0, 2);

        var joined = LocatedText.Concat([source, LocatedText.Pinned("xyz", at), source]);

        Assert.Equal("abxyzab", joined.Text);
        Assert.Equal(at, joined.LocationAt(2));
        Assert.Equal(at, joined.LocationAt(4));
        Assert.Equal(new SourceLocation(File, 1, 2), joined.LocationAt(6));
        Assert.Equal(at, joined.Slice(3, 1).Start);
    }

    [Fact]
    public void Empty_slice_remembers_where_it_was_taken()
    {
        var text = LocatedText.FromSource(new SourceFile(File, "abc"), 0, 3);

        var empty = text.Slice(2, 0);

        Assert.Equal(string.Empty, empty.Text);
        Assert.Equal(new SourceLocation(File, 1, 3), empty.Start);
    }
}
