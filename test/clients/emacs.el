;;; emacs.el --- drives Emacs in batch for test/emacs.test.ts  -*- lexical-binding: t -*-
;; What a user does with the README's init.el: eglot (diagnostics, hover, completion,
;; definition, a file rewritten on disk) and M-x compile with bos validate. Writes what
;; it saw as JSON to $BOS_REPORT.
(require 'json)
(require 'compile)
(require 'xref)

;; An interactive Emacs gives every subprocess TERM=dumb (startup.el); batch Emacs does not.
(setenv "TERM" "dumb")

(defvar bos-ws (file-name-as-directory (getenv "BOS_WS")))
(defvar bos-report nil)
(defvar bos-errors nil)

(defun bos-put (key value) (push (cons key value) bos-report))

(defmacro bos-step (name &rest body)
  `(condition-case err (progn ,@body) (error (push (format "%s: %S" ,name err) bos-errors))))

(defun bos-wait (pred seconds)
  "Wait up to SECONDS for PRED, letting processes, timers and file notifications run."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02)
      ;; Batch Emacs delivers file notifications only while it reads an event.
      (read-event nil nil 0.02))
    (funcall pred)))

(defun bos-goto (line text &optional offset)
  "Put point at TEXT on 1-based LINE, plus OFFSET characters."
  (goto-char (point-min))
  (forward-line (1- line))
  (search-forward text (line-end-position))
  (goto-char (+ (match-beginning 0) (or offset 0))))

(defun bos-diagnostic (d)
  (save-excursion
    (goto-char (flymake-diagnostic-beg d))
    `((line . ,(line-number-at-pos)) (column . ,(current-column)) (char . ,(string (char-after)))
      (type . ,(symbol-name (flymake-diagnostic-type d))) (text . ,(flymake-diagnostic-text d)))))

(defun bos-diagnostics ()
  (or (flymake-diagnostics) (and (boundp 'eglot--diagnostics) eglot--diagnostics)))

(defun bos-on-disk (file)
  "Diagnostics eglot holds for FILE, which no buffer visits."
  (cdr (assoc (expand-file-name file bos-ws) flymake-list-only-diagnostics)))

(defvar bos-server nil)

(bos-step "open"
  (find-file (expand-file-name "model.bos" bos-ws))
  (bos-put 'mode (symbol-name major-mode))
  ;; eglot-ensure connects after the command that visited the file.
  (run-hooks 'post-command-hook)
  (bos-put 'managed (bos-wait (lambda () (bound-and-true-p eglot--managed-mode)) 20))
  (setq bos-server (eglot-current-server))
  (bos-put 'root (project-root (eglot--project bos-server)))
  (bos-put 'diagnosticsArrived (and (bos-wait #'bos-diagnostics 20) t))
  (bos-put 'diagnostics (vconcat (mapcar #'bos-diagnostic
                                         (sort (bos-diagnostics)
                                               (lambda (a b) (< (flymake-diagnostic-beg a)
                                                                (flymake-diagnostic-beg b))))))))

(bos-step "hover"
  (bos-goto 7 "Order")
  (let ((hover (jsonrpc-request bos-server :textDocument/hover (eglot--TextDocumentPositionParams))))
    (bos-put 'hover (plist-get hover :contents))
    ;; As eldoc shows it.
    (bos-put 'hoverShown (eglot--hover-info (plist-get hover :contents)))))

(bos-step "completion"
  (bos-goto 7 "runs on " 8)
  (let ((capf (eglot-completion-at-point)))
    (bos-put 'completion (vconcat (all-completions "" (nth 2 capf))))))

(bos-step "definition"
  (bos-goto 10 "Trade.Order" 6)
  (let ((item (car (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))))
    (bos-put 'definition `((file . ,(xref-location-group (xref-item-location item)))
                           (line . ,(xref-location-line (xref-item-location item)))))))

(bos-step "file changed on disk"
  (bos-put 'otherBefore (length (bos-on-disk "other.bos")))
  ;; What `git checkout` does: the file is rewritten behind the editor's back, never visited.
  (with-temp-file (expand-file-name "other.bos" bos-ws)
    (insert "package shop\nelement Other : brand { uses Trade.Gone }\n"))
  (let ((started (float-time)))
    (bos-put 'otherChanged (and (bos-wait (lambda () (bos-on-disk "other.bos")) 15) t))
    (bos-put 'otherMs (* 1000 (- (float-time) started))))
  (bos-put 'otherAfter (vconcat (mapcar #'flymake-diagnostic-text (bos-on-disk "other.bos")))))

(bos-step "events"
  (bos-put 'events (with-current-buffer (jsonrpc-events-buffer bos-server) (buffer-string))))

(bos-step "compile"
  (let* ((default-directory bos-ws)
         (buffer (compile "bos validate"))
         (visits nil))
    (bos-wait (lambda () (not (get-buffer-process buffer))) 30)
    (with-current-buffer buffer
      (bos-put 'compilation (buffer-string))
      (bos-put 'counts `((errors . ,compilation-num-errors-found)
                         (warnings . ,compilation-num-warnings-found)
                         (infos . ,compilation-num-infos-found))))
    ;; Visit every message, infos too, the way next-error (M-g n) does.
    (let ((compilation-skip-threshold 0))
      (condition-case nil
          (progn
            (first-error)
            (while t
              ;; next-error shows the spot in the selected window.
              (with-current-buffer (window-buffer (selected-window))
                (goto-char (window-point))
                (push `((file . ,(file-name-nondirectory (buffer-file-name))) (line . ,(line-number-at-pos))
                        (column . ,(current-column)) (char . ,(string (char-after))))
                      visits))
              (next-error)))
        (user-error nil)))
    (bos-put 'visits (vconcat (nreverse visits)))))

(when bos-server (ignore-errors (eglot-shutdown bos-server)))
(bos-put 'errors (vconcat (nreverse bos-errors)))
(bos-put 'version (format "%s %s" emacs-version (locate-library "eglot")))
(with-temp-file (getenv "BOS_REPORT") (insert (json-encode bos-report)))
(kill-emacs 0)
