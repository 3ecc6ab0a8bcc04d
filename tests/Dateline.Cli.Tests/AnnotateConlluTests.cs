using System.Text.Json;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>`annotate` with CoNLL-U in and out, as a real process: gold tokenisation kept, a broken sentence reported and skipped.</summary>
[Trait("issue", "11")]
public sealed class AnnotateConlluTests
{
    private const string Input = """
        # sent_id = a
        # text = Ishiba wants talks.
        1	Ishiba	_	_	_	_	_	_	_	_
        2	wants	_	_	_	_	_	_	_	_
        3	talks	_	_	_	_	_	_	_	SpaceAfter=No
        4	.	_	_	_	_	_	_	_	_

        # sent_id = broken
        1	Seoul	_	_	_
        2	objected

        # sent_id = c
        1-2	Don't	_	_	_	_	_	_	_	_
        1	Do	_	_	_	_	_	_	_	_
        2	n't	_	_	_	_	_	_	_	_
        3	go	_	_	_	_	_	_	_	_

        """;

    [Fact]
    public async Task Annotates_each_good_sentence_on_its_own_words_and_reports_the_broken_one()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("in.conllu");
        await File.WriteAllTextAsync(path, Input, TestContext.Current.CancellationToken);

        var r = await Cli.RunAsync(tmp.Path, "annotate", path, "--input-format", "conllu");

        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Contains($"{path} [line 9]: expected 10 tab-separated columns, found 5", r.Stderr, StringComparison.Ordinal);
        var lines = r.Stdout.Split('\n');
        Assert.Contains("# sent_id = a", lines);
        Assert.Contains("1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_", lines);
        Assert.DoesNotContain("# sent_id = broken", lines);
        var words = lines.Where(l => l.Length > 0 && char.IsDigit(l[0]) && !l.Contains('-', StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["Ishiba", "wants", "talks", ".", "Do", "n't", "go"], words.Select(w => w[1]));
        Assert.All(words, w => Assert.Equal(10, w.Length));
        var wants = words[1];
        Assert.Equal(("want", "VERB", "0", "root"), (wants[2], wants[3], wants[6], wants[7]));
        Assert.Equal(("Ishiba", "2", "nsubj"), (words[0][1], words[0][6], words[0][7]));
        Assert.Equal("SpaceAfter=No", words[2][9]);
        Assert.Equal("talk", words[2][2]);
    }

    [Fact]
    public async Task Text_in_gives_conllu_out_with_our_tokens_and_json_carries_the_tokens()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("in.txt");
        await File.WriteAllTextAsync(path, "Police withdrew from the city.", TestContext.Current.CancellationToken);
        var text = await Cli.RunAsync(tmp.Path, "annotate", path, "--output-format", "conllu");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("# text = Police withdrew from the city.", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("2\twithdrew\twithdraw\tVERB\tVBD\t_\t0\troot", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("5\tcity\tcity\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No", text.Stdout, StringComparison.Ordinal);

        var json = await Cli.RunAsync(tmp.Path, "annotate", path);
        var tokens = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("tokens");
        Assert.Equal(6, tokens.GetArrayLength());
        Assert.Equal(("withdraw", -1), (tokens[1].GetProperty("lemma").GetString(), tokens[1].GetProperty("head").GetInt32()));
        Assert.Equal(1, tokens[0].GetProperty("head").GetInt32());
    }

    [Fact]
    public async Task Conllu_input_takes_only_conllu_output()
    {
        using var tmp = new TempFolder();
        var r = await Cli.RunAsync(tmp.Path, "annotate", "-", "--input-format", "conllu", "--output-format", "json");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("--input-format conllu gives --output-format conllu only", r.Stderr, StringComparison.Ordinal);
    }
}
