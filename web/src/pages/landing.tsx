import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { useSession } from '../session';

const SAMPLE = `>>> n = int(input("n: "))
n: 21
>>> print(n * 2)
42`;

/** What LabMate does, with the way in (sign up, sign in, or on to the assignments). */
export function LandingPage() {
  usePageTitle('');
  const { user } = useSession();
  const accountDeleted = (useLocation().state as { accountDeleted?: boolean } | null)?.accountDeleted === true;
  return (
    <>
      {accountDeleted && !user ? (
        <div className="notice ok" role="status">
          <p>Your account and everything in it were deleted, and you are signed out everywhere.</p>
        </div>
      ) : null}
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <h1 id="hero-title">Your lab report, with every program really run</h1>
          <p className="lead">
            Upload your lab assignment as Word or PDF. LabMate finds each question, runs each program in a sandbox with the
            input you give it, and puts screenshots of the code and its output into your own document, right below the
            question.
          </p>
          <div className="row">
            {user ? (
              <Link to="/assignments" className="button primary">
                Go to your assignments
              </Link>
            ) : (
              <>
                <Link to="/signup" className="button primary">
                  Create an account
                </Link>
                <Link to="/signin" className="button">
                  Sign in
                </Link>
              </>
            )}
          </div>
        </div>
        <figure className="hero-figure" aria-label="Example: a question with the screenshot LabMate adds below it">
          <div className="q">Q1. Write a program that doubles a number.</div>
          <div className="shot">{SAMPLE}</div>
        </figure>
      </section>
      <section aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <ol className="steps">
          <li className="card">
            <h3>Upload</h3>
            <p>A .docx or .pdf lab manual or assignment. Its questions, code and sample input are found in seconds.</p>
          </li>
          <li className="card">
            <h3>Check and run</h3>
            <p>Fix anything that was read wrong, paste missing code, then run one task or all of them and watch them finish.</p>
          </li>
          <li className="card">
            <h3>Download</h3>
            <p>Get your document back as Word (and PDF) with code and output screenshots under each question.</p>
          </li>
        </ol>
        <p className="muted">
          Python, C, C++, Java and JavaScript run in an isolated sandbox; screenshots look like IDLE, VS Code, Notepad,
          Code::Blocks or a terminal. What you see is what the program printed: nothing is made up.
        </p>
      </section>
    </>
  );
}
