package HeadlessChromium;

# HeadlessChromium: drive Debian's chromium in headless mode through the
# Chrome DevTools Protocol over a pipe (--remote-debugging-pipe: JSON
# messages ending in a NUL byte, read by chromium from fd 3 and written
# to fd 4).  No network, no extra modules: core Perl only.
#
#   my $c = HeadlessChromium->new(dir => $tmp) or skip;   # undef: none
#   my $tab = $c->tab;                   # a page in a fresh context
#   $tab->go("$base/login");
#   $tab->type('#name', 'rosa');
#   $tab->click_and_wait('button[type=submit]');
#   is($tab->eval('location.pathname'), '/admin');
#
# Every wait has a deadline; nothing assumes the machine's speed.

use strict;
use warnings;
use IO::Handle;
use IO::Select;
use JSON::PP;
use MIME::Base64 qw(decode_base64);
use POSIX ();
use Time::HiRes qw(sleep time);

our $TIMEOUT = 30;	# seconds for any one step

sub binary {
	for my $b ($ENV{GAZETTE_CHROMIUM} // (), '/usr/bin/chromium', '/usr/bin/chromium-browser') {
		return $b if -x $b;
	}
	return undef;
}

sub new {
	my ($class, %opt) = @_;
	my $bin = binary() or return undef;
	my $dir = $opt{dir} or die "HeadlessChromium->new needs dir";
	mkdir("$dir/chromium-profile");
	pipe(my $to_r, my $to_w) or die "pipe: $!";
	pipe(my $from_r, my $from_w) or die "pipe: $!";
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		# fds 3 and 4 for chromium, through high numbers so that a
		# pipe already on 3 or 4 is not lost to close-on-exec.
		POSIX::dup2(fileno($to_r), 10) or POSIX::_exit(127);
		POSIX::dup2(fileno($from_w), 11) or POSIX::_exit(127);
		POSIX::dup2(10, 3) or POSIX::_exit(127);
		POSIX::dup2(11, 4) or POSIX::_exit(127);
		open(STDIN, '<', '/dev/null');
		open(STDOUT, '>>', "$dir/chromium.log");
		open(STDERR, '>>', "$dir/chromium.log");
		{ exec($bin, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
		    '--disable-background-networking', '--disable-component-update',
		    '--disable-sync', '--disable-extensions', '--disable-default-apps',
		    '--no-default-browser-check', '--mute-audio', '--disable-dev-shm-usage',
		    "--user-data-dir=$dir/chromium-profile", '--remote-debugging-pipe',
		    'about:blank') };
		POSIX::_exit(127);
	}
	close($to_r);
	close($from_w);
	$to_w->autoflush(1);
	my $self = bless { pid => $pid, w => $to_w, r => $from_r, buf => '', id => 0,
	    json => JSON::PP->new->utf8->canonical, dir => $dir }, $class;
	$self->call('Browser.getVersion');	# fails loudly if it did not start
	return $self;
}

sub log { HeadlessChromium::slurp("$_[0]{dir}/chromium.log") }

sub slurp {
	open(my $fh, '<', $_[0]) or return '';
	local $/;
	return scalar <$fh>;
}

# Send a command and wait for its answer; dies on a protocol error.
sub call {
	my ($self, $method, $params, $session) = @_;
	my $id = ++$self->{id};
	my %msg = (id => $id, method => $method, params => $params // {});
	$msg{sessionId} = $session if defined $session;
	my $out = $self->{json}->encode(\%msg) . "\0";
	syswrite($self->{w}, $out) == length($out) or die "chromium: write: $!";
	my $deadline = time + $TIMEOUT;
	my $sel = IO::Select->new($self->{r});
	while (1) {
		while ((my $i = index($self->{buf}, "\0")) >= 0) {
			my $raw = substr($self->{buf}, 0, $i);
			substr($self->{buf}, 0, $i + 1) = '';
			my $m = $self->{json}->decode($raw);
			next unless defined $m->{id} && $m->{id} == $id;
			die "chromium: $method: $m->{error}{message}\n" if $m->{error};
			return $m->{result};
		}
		my $left = $deadline - time;
		die "chromium: $method: no answer in $TIMEOUT s\n" if $left <= 0;
		next unless $sel->can_read($left);
		my $n = sysread($self->{r}, my $chunk, 65536);
		die "chromium: it went away during $method\n" . $self->log unless $n;
		$self->{buf} .= $chunk;
	}
}

# A page in a fresh browser context: its own cookies, like a new user.
sub tab {
	my ($self) = @_;
	my $ctx = $self->call('Target.createBrowserContext')->{browserContextId};
	my $target = $self->call('Target.createTarget',
	    { url => 'about:blank', browserContextId => $ctx })->{targetId};
	my $session = $self->call('Target.attachToTarget',
	    { targetId => $target, flatten => JSON::PP::true })->{sessionId};
	my $tab = bless { c => $self, s => $session }, 'HeadlessChromium::Tab';
	$tab->call('Page.enable');
	$tab->call('Runtime.enable');
	return $tab;
}

sub DESTROY {
	my ($self) = @_;
	return unless $self->{pid};
	eval { $self->call('Browser.close') };
	close($self->{w});
	my $t = time;
	while (time - $t < 10) {
		return delete $self->{pid} if waitpid($self->{pid}, POSIX::WNOHANG()) > 0;
		sleep(0.05);
	}
	kill('KILL', $self->{pid});
	waitpid(delete $self->{pid}, 0);
}

package HeadlessChromium::Tab;

use Time::HiRes qw(sleep time);

sub call {
	my ($self, $method, $params) = @_;
	return $self->{c}->call($method, $params, $self->{s});
}

# The value of a JavaScript expression (JSON-able), evaluated in the page.
sub eval {
	my ($self, $expr) = @_;
	my $r = $self->call('Runtime.evaluate', { expression => $expr,
	    returnByValue => JSON::PP::true, awaitPromise => JSON::PP::true });
	die "page: $expr: $r->{exceptionDetails}{text}\n" if $r->{exceptionDetails};
	return $r->{result}{value};
}

# Wait until expr is true in the page; returns 1, or 0 at the deadline.
sub wait_for {
	my ($self, $expr, $timeout) = @_;
	my $t = time;
	while (time - $t < ($timeout // $HeadlessChromium::TIMEOUT)) {
		my $v = eval { $self->eval($expr) };
		return 1 if $v;
		sleep(0.05);
	}
	return 0;
}

sub _js { JSON::PP->new->allow_nonref->encode($_[0]) }

# Mark the current document, so that a new one can be told apart.
sub _mark { $_[0]->eval('window.__gazette_old = true') }

sub _loaded {
	my ($self) = @_;
	$self->wait_for('!window.__gazette_old && document.readyState === "complete"')
	    or die "page: no new page loaded in time\n";
}

sub go {
	my ($self, $url) = @_;
	$self->_mark;
	$self->call('Page.navigate', { url => $url });
	$self->_loaded;
}

# Reload, as a reader pressing F5 does: the browser revalidates its copy.
sub reload {
	my ($self) = @_;
	$self->_mark;
	$self->call('Page.reload');
	$self->_loaded;
}

# Focus a field, clear it, and type text into it as a user would.
sub type {
	my ($self, $sel, $text) = @_;
	my $q = _js($sel);
	$self->eval("(function(){var e=document.querySelector($q); if(!e) throw new Error('no '+$q);"
	    . " e.focus(); e.select && e.select(); return true})()");
	$self->call('Input.insertText', { text => $text });
}

# Click an element that leads to a new page, and wait for that page.
sub click_and_wait {
	my ($self, $sel) = @_;
	my $q = _js($sel);
	$self->_mark;
	$self->eval("(function(){var e=document.querySelector($q); if(!e) throw new Error('no '+$q);"
	    . " e.click(); return true})()");
	$self->_loaded;
}

# Choose a file for a file input, as a user does in the file dialog.
sub set_file {
	my ($self, $sel, $path) = @_;
	my $root = $self->call('DOM.getDocument')->{root}{nodeId};
	my $node = $self->call('DOM.querySelector', { nodeId => $root, selector => $sel })->{nodeId}
	    or die "page: no $sel\n";
	$self->call('DOM.setFileInputFiles', { nodeId => $node, files => [ $path ] });
}

# Be a screen of width x height CSS pixels at scale (a phone: mobile).
sub viewport {
	my ($self, $width, $height, $scale, $mobile) = @_;
	$self->call('Emulation.setDeviceMetricsOverride', { width => $width, height => $height,
	    deviceScaleFactor => $scale, mobile => $mobile ? JSON::PP::true : JSON::PP::false });
}

sub text { $_[0]->eval('document.body ? document.body.innerText : ""') }
sub html { $_[0]->eval('document.documentElement.outerHTML') }
sub path { $_[0]->eval('location.pathname + location.search') }

sub screenshot {
	my ($self, $file) = @_;
	my $png = $self->call('Page.captureScreenshot', { format => 'png' })->{data};
	open(my $fh, '>:raw', $file) or die "$file: $!";
	print $fh MIME::Base64::decode_base64($png);
	close($fh);
}

1;
